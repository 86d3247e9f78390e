import AccordCore
import AccordStore
import Foundation
import Logging

/// Every setting, resolved once: command line over environment over defaults. Invalid values stop start-up.
public struct AppConfig: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var databaseURL: DatabaseURL
    public var hostname: String
    public var port: Int
    /// Mark cookies Secure. On by default when the public URL is https.
    public var secureCookies: Bool
    public var publicURL: String?
    public var sessionLifetime: TimeInterval
    public var logLevel: Logger.Level
    /// Anonymity threshold and flags for health results.
    public var health = HealthSettings()
    /// Seconds between the reminder scheduler's runs; 0 turns the scheduler off.
    public var reminderInterval = 60
    /// Reminder email; nil sends in-app notifications only.
    public var smtp: SMTPSettings?
    /// Seconds a connection may stay without a complete request (headers included) before it is closed.
    public var idleTimeout = 30

    /// Every setting but secrets: the database URL without its password, SMTP without its password. Crash
    /// descriptions and `dump` use this too.
    public var description: String {
        "AppConfig(database \(databaseURL), \(hostname):\(port), public URL \(publicURL ?? "none"), secure cookies \(secureCookies), "
            + "reminders every \(reminderInterval) s, \(smtp.map(\.description) ?? "no SMTP"), idle timeout \(idleTimeout) s)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["settings": description]) }

    public init(
        databaseURL: DatabaseURL = try! DatabaseURL(DatabaseURL.defaultURL), hostname: String = "127.0.0.1", port: Int = 8080,
        secureCookies: Bool = false, publicURL: String? = nil, sessionLifetime: TimeInterval = 12 * 3600,
        logLevel: Logger.Level = .info
    ) {
        self.databaseURL = databaseURL
        self.hostname = hostname
        self.port = port
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.sessionLifetime = sessionLifetime
        self.logLevel = logLevel
    }

    /// Builds the configuration from explicit values (command line) with the environment as fallback.
    public static func resolve(
        databaseURL: String?, hostname: String?, port: Int?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfig {
        var config = AppConfig()
        config.databaseURL = try DatabaseURL(databaseURL ?? environment["ACCORD_DATABASE_URL"] ?? DatabaseURL.defaultURL)
        config.hostname = hostname ?? environment["ACCORD_HOSTNAME"] ?? "127.0.0.1"
        if let port {
            config.port = port
        } else if let text = environment["ACCORD_PORT"] {
            guard let value = Int(text) else { throw ConfigurationError(setting: "ACCORD_PORT", message: "'\(text)' is not a number") }
            config.port = value
        }
        guard (0...65535).contains(config.port) else {
            throw ConfigurationError(setting: "port", message: "\(config.port) is outside 0-65535")
        }
        if let url = environment["ACCORD_PUBLIC_URL"], !url.isEmpty {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ConfigurationError(setting: "ACCORD_PUBLIC_URL", message: "'\(url)' must start with http:// or https://")
            }
            config.publicURL = url
            config.secureCookies = url.hasPrefix("https://")
        }
        if let secure = environment["ACCORD_SECURE_COOKIES"], !secure.isEmpty {
            switch secure.lowercased() {
            case "1", "true", "yes": config.secureCookies = true
            case "0", "false", "no": config.secureCookies = false
            default: throw ConfigurationError(setting: "ACCORD_SECURE_COOKIES", message: "'\(secure)' must be true or false")
            }
        }
        if let hours = environment["ACCORD_SESSION_HOURS"], !hours.isEmpty {
            guard let value = Double(hours), value > 0, value <= 24 * 30 else {
                throw ConfigurationError(setting: "ACCORD_SESSION_HOURS", message: "'\(hours)' must be a number of hours from 1 to 720")
            }
            config.sessionLifetime = value * 3600
        }
        if let size = environment["ACCORD_HEALTH_MIN_GROUP"], !size.isEmpty {
            guard let value = Int(size), (2...50).contains(value) else {
                throw ConfigurationError(setting: "ACCORD_HEALTH_MIN_GROUP", message: "'\(size)' must be a whole number from 2 to 50")
            }
            config.health.minimumGroupSize = value
        }
        if let interval = environment["ACCORD_REMINDER_INTERVAL"], !interval.isEmpty {
            guard let value = Int(interval), value == 0 || (5...86_400).contains(value) else {
                throw ConfigurationError(
                    setting: "ACCORD_REMINDER_INTERVAL", message: "'\(interval)' must be 0 (off) or a number of seconds from 5 to 86400")
            }
            config.reminderInterval = value
        }
        if let host = environment["ACCORD_SMTP_HOST"], !host.isEmpty {
            var smtp = SMTPSettings(host: host, from: environment["ACCORD_SMTP_FROM"] ?? "")
            if let text = environment["ACCORD_SMTP_PORT"], !text.isEmpty {
                guard let value = Int(text), (1...65535).contains(value) else {
                    throw ConfigurationError(setting: "ACCORD_SMTP_PORT", message: "'\(text)' must be a port from 1 to 65535")
                }
                smtp.port = value
            }
            guard smtp.from.contains("@"), !smtp.from.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
                throw ConfigurationError(
                    setting: "ACCORD_SMTP_FROM", message: "must be the sender's email address when ACCORD_SMTP_HOST is set")
            }
            smtp.username = environment["ACCORD_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
            smtp.password = environment["ACCORD_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            if let text = environment["ACCORD_SMTP_SECURITY"], !text.isEmpty {
                guard let value = SMTPSettings.Security(rawValue: text.lowercased()) else {
                    throw ConfigurationError(setting: "ACCORD_SMTP_SECURITY", message: "'\(text)' must be starttls or tls")
                }
                smtp.security = value
            } else {
                smtp.security = smtp.port == 465 ? .tls : .starttls
            }
            if let text = environment["ACCORD_SMTP_ALLOW_PLAIN_AUTH"], !text.isEmpty {
                switch text.lowercased() {
                case "1", "true", "yes": smtp.allowPlainAuth = true
                case "0", "false", "no": smtp.allowPlainAuth = false
                default: throw ConfigurationError(setting: "ACCORD_SMTP_ALLOW_PLAIN_AUTH", message: "'\(text)' must be true or false")
                }
            }
            if (smtp.username == nil) != (smtp.password == nil) {
                throw ConfigurationError(
                    setting: "ACCORD_SMTP_USERNAME", message: "set both ACCORD_SMTP_USERNAME and ACCORD_SMTP_PASSWORD, or neither")
            }
            config.smtp = smtp
        }
        if let text = environment["ACCORD_IDLE_TIMEOUT"], !text.isEmpty {
            guard let value = Int(text), (1...3600).contains(value) else {
                throw ConfigurationError(setting: "ACCORD_IDLE_TIMEOUT", message: "'\(text)' must be a number of seconds from 1 to 3600")
            }
            config.idleTimeout = value
        }
        if let gap = environment["ACCORD_HEALTH_GAP_THRESHOLD"], !gap.isEmpty {
            guard let value = Double(gap), value > 0, value <= 4 else {
                throw ConfigurationError(setting: "ACCORD_HEALTH_GAP_THRESHOLD", message: "'\(gap)' must be a number above 0 and at most 4")
            }
            config.health.gapThreshold = value
        }
        if let format = environment["ACCORD_LOG_FORMAT"], !format.isEmpty, !["text", "json"].contains(format.lowercased()) {
            throw ConfigurationError(setting: "ACCORD_LOG_FORMAT", message: "'\(format)' must be text or json")
        }
        if let level = environment["ACCORD_LOG_LEVEL"], !level.isEmpty {
            guard let value = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(
                    setting: "ACCORD_LOG_LEVEL", message: "'\(level)' must be one of trace, debug, info, notice, warning, error, critical")
            }
            config.logLevel = value
        }
        return config
    }
}
