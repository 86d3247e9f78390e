import AccordWeb
import ArgumentParser
import Foundation

/// Writes the API's OpenAPI document from the Swift declarations (hidden: a build step, not an operator's command). The
/// committed copy is Sources/AccordWeb/Resources/openapi.json; `swift test` and `scripts/test` fail while it is stale.
struct OpenAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi", abstract: "Print (or write to a file) the OpenAPI document the code declares.", shouldDisplay: false)

    @Option(help: "Write the document to this file instead of printing it (Sources/AccordWeb/Resources/openapi.json).")
    var output: String?

    func run() async throws {
        let text = try await OpenAPIDocument.generatedText()
        guard let output else { return print(text, terminator: "") }
        try text.write(toFile: output, atomically: true, encoding: .utf8)
    }
}
