import AccordWeb
import ArgumentParser

/// Prints the API's enumerations as JSON for `scripts/openapi.py` (hidden: a build step, not an operator's command).
struct APIEnumsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-enums", abstract: "Print the JSON API's enumerations, from the domain types.", shouldDisplay: false)

    func run() {
        print(APIEnums.json, terminator: "")
    }
}
