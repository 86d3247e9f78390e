import AccordCore
import AccordMemberwise
import Foundation

/// Where the data lives, parsed from `--database-url` / `ACCORD_DATABASE_URL`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    case sqlite(path: String)
    case postgres(host: String, port: Int, user: String, password: String?, database: String)

    public static let defaultURL = "sqlite://accord.sqlite"

    /// Accepts `sqlite:///absolute/path.sqlite`, `sqlite://relative/path.sqlite` and
    /// `postgres://user:password@host:port/name` (also `postgresql://`).
    public init(_ text: String) throws(ConfigurationError) {
        let setting = "database URL"
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty, path != "/" else {
                throw ConfigurationError(setting: setting, message: "sqlite:// needs a file path, e.g. sqlite://accord.sqlite")
            }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let url = URLComponents(string: text)
        else {
            throw ConfigurationError(
                setting: setting,
                // The text is not echoed: a mistyped URL may still hold a password.
                message:
                    "the scheme '\(text.prefix { $0 != ":" }.prefix(20))' is not supported; use sqlite://path.sqlite or postgres://user:password@host:port/name"
            )
        }
        guard let host = url.host, !host.isEmpty else {
            throw ConfigurationError(setting: setting, message: "the PostgreSQL URL has no host")
        }
        guard let user = url.user, !user.isEmpty else {
            throw ConfigurationError(setting: setting, message: "the PostgreSQL URL has no user")
        }
        let name = String(url.path.drop(while: { $0 == "/" }))
        guard !name.isEmpty else {
            throw ConfigurationError(setting: setting, message: "the PostgreSQL URL has no database name")
        }
        self = .postgres(
            host: host, port: url.port ?? 5432, user: user.removingPercentEncoding ?? user,
            password: url.password?.removingPercentEncoding, database: name)
    }

    /// The URL without its password, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let host, let port, let user, _, let database): "postgres://\(user)@\(host):\(port)/\(database)"
        }
    }

    public var debugDescription: String { description }
    /// `dump` and reflection show the redacted URL too, never the password.
    public var customMirror: Mirror { Mirror(self, children: ["url": description]) }
}

/// A setting that cannot be used; start-up stops with this message.
@Memberwise
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let setting: String
    public let message: String

    public var description: String { "Invalid \(setting): \(message)" }
}
