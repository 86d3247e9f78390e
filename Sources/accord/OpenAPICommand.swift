import AccordWeb
import ArgumentParser
import Foundation

/// Writes or checks the API's OpenAPI document, from the Swift declarations (hidden: a build step, not an operator's
/// command). The committed copy is Sources/AccordWeb/Resources/openapi.json; `swift test` fails when it is stale.
struct OpenAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi", abstract: "Print the OpenAPI document the code declares.", shouldDisplay: false)

    func run() async throws {
        print(try await OpenAPIDocument.generatedText(), terminator: "")
    }
}
