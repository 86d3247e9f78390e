import AccordCore
import AccordStore
import AccordWeb
import ArgumentParser
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage personal API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for a user and print it once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The user's email.") var email: String
        @Option(help: "What the token is for.") var name: String
        @Option(name: .customLong("expires-in-days"), help: "Days until it expires (1-365); omit for no expiry.") var expiresInDays: Int?

        func run() async throws {
            let valid: ApiTokenInput.Valid
            do {
                valid = try ApiTokenInput(name: name, expiresInDays: expiresInDays.map(String.init)).validate(now: Date())
            } catch {
                throw ValidationError(error.message)
            }
            let store = try await database.open(try database.config(), logger: makeLogger(.warning))
            let result: Result<String, any Error>
            do {
                guard let user = try await store.users.find(email: email), user.active else {
                    throw ValidationError("No active user has the email \(email).")
                }
                result = .success(
                    try await ApiTokenIssuer.issue(
                        valid, for: user, tokens: store.apiTokens, actor: AuditActor(userID: nil, name: "accord token create")))
            } catch {
                result = .failure(error)
            }
            await store.database.close()
            print(try result.get())
        }
    }
}
