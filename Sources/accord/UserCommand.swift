import AccordCore
import AccordStore
import AccordWeb
import ArgumentParser
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user. The password comes from ACCORD_PASSWORD or is asked for on the terminal.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Email address used to sign in.") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "administrator, executive, alliance_manager, member or partner.") var role: String
        @Option(name: .customLong("person-id"), help: "Link to a person (required for partner users).") var personID: String?

        func run() async throws {
            let valid: UserInput.Valid
            do {
                valid = try UserInput(email: email, name: name, role: role, personID: personID, active: "true").validate()
            } catch {
                throw ValidationError(error.message)
            }
            guard let password = ProcessInfo.processInfo.environment["ACCORD_PASSWORD"] ?? readPassword() else {
                throw ValidationError("No password: set ACCORD_PASSWORD or run on a terminal.")
            }
            do {
                try PasswordRules.check(password, email: valid.email)
            } catch {
                throw ValidationError(error.message)
            }
            let config = try database.config()
            let store = try await database.open(config, logger: makeLogger(.warning))
            let result: Result<User, any Error>
            do {
                let hash = try await Passwords.hash(password)
                result = .success(
                    try await store.users.create(valid, passwordHash: hash, by: AuditActor(userID: nil, name: "accord user create")))
            } catch {
                result = .failure(error)
            }
            await store.database.close()
            switch result {
            case .success(let user):
                print("Created \(user.role.label.lowercased()) \(user.email) (\(user.id.lowercaseText)).")
            case .failure(let error as DomainError):
                throw ValidationError(error.message)
            case .failure(let error):
                throw error
            }
        }

        func readPassword() -> String? {
            guard isatty(STDIN_FILENO) != 0, let first = getpass("Password: ") else { return nil }
            let password = String(cString: first)
            guard let second = getpass("Repeat password: "), String(cString: second) == password else {
                print("The passwords do not match.")
                return nil
            }
            return password
        }
    }
}
