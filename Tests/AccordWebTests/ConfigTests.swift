import AccordCore
import AccordStore
import AccordWeb
import Foundation
import Testing

@Suite struct ConfigTests {
    @Test func commandLineWinsOverEnvironmentOverDefaults() throws {
        let env = ["ACCORD_DATABASE_URL": "sqlite:///var/lib/accord.sqlite", "ACCORD_PORT": "9000", "ACCORD_HOSTNAME": "0.0.0.0"]
        let fromEnv = try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: env)
        #expect(fromEnv.databaseURL == .sqlite(path: "/var/lib/accord.sqlite") && fromEnv.port == 9000 && fromEnv.hostname == "0.0.0.0")
        let fromFlags = try AppConfig.resolve(databaseURL: "sqlite://here.sqlite", hostname: nil, port: 8181, environment: env)
        #expect(fromFlags.databaseURL == .sqlite(path: "here.sqlite") && fromFlags.port == 8181)
        let defaults = try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: [:])
        #expect(defaults.databaseURL == .sqlite(path: "accord.sqlite") && defaults.port == 8080 && defaults.hostname == "127.0.0.1")
    }

    @Test func postgresURLsAreParsedAndPrintedWithoutPasswords() throws {
        let url = try DatabaseURL("postgres://accord:s%40cret@db.internal:6543/portfolio")
        #expect(url == .postgres(host: "db.internal", port: 6543, user: "accord", password: "s@cret", database: "portfolio"))
        #expect(url.description == "postgres://accord@db.internal:6543/portfolio")
    }

    @Test(arguments: [
        ["ACCORD_PORT": "eighty"], ["ACCORD_PORT": "70000"], ["ACCORD_DATABASE_URL": "mysql://x/y"],
        ["ACCORD_DATABASE_URL": "postgres://db/name"], ["ACCORD_SECURE_COOKIES": "maybe"], ["ACCORD_LOG_LEVEL": "loud"],
        ["ACCORD_LOG_FORMAT": "xml"], ["ACCORD_SESSION_HOURS": "0"], ["ACCORD_PUBLIC_URL": "accord.example.com"],
        ["ACCORD_HEALTH_MIN_GROUP": "1"], ["ACCORD_HEALTH_MIN_GROUP": "three"], ["ACCORD_HEALTH_GAP_THRESHOLD": "-1"],
        ["ACCORD_REMINDER_INTERVAL": "2"], ["ACCORD_SMTP_HOST": "mail.example", "ACCORD_SMTP_FROM": "nobody"],
        ["ACCORD_SMTP_HOST": "mail.example", "ACCORD_SMTP_FROM": "a@b.example", "ACCORD_SMTP_PORT": "0"],
        ["ACCORD_SMTP_HOST": "mail.example", "ACCORD_SMTP_FROM": "a@b.example", "ACCORD_SMTP_USERNAME": "u"],
    ])
    func invalidSettingsStopStartUpWithTheirName(_ env: [String: String]) {
        do {
            _ = try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: env)
            Issue.record("expected \(env) to be refused")
        } catch let error as ConfigurationError {
            #expect(error.description.hasPrefix("Invalid "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func healthSettingsComeFromTheEnvironment() throws {
        let config = try AppConfig.resolve(
            databaseURL: nil, hostname: nil, port: nil,
            environment: ["ACCORD_HEALTH_MIN_GROUP": "5", "ACCORD_HEALTH_GAP_THRESHOLD": "0.8"])
        #expect(config.health.minimumGroupSize == 5 && config.health.gapThreshold == 0.8)
        #expect(try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: [:]).health == HealthSettings())
    }

    @Test func anHTTPSPublicURLTurnsOnSecureCookies() throws {
        let config = try AppConfig.resolve(
            databaseURL: nil, hostname: nil, port: nil, environment: ["ACCORD_PUBLIC_URL": "https://accord.example.com"])
        #expect(config.secureCookies)
    }

    @Test func smtpSettingsAndTheMessageTheyCarry() throws {
        let config = try AppConfig.resolve(
            databaseURL: nil, hostname: nil, port: nil,
            environment: ["ACCORD_SMTP_HOST": "smtp.example", "ACCORD_SMTP_FROM": "accord@helix.example", "ACCORD_REMINDER_INTERVAL": "30"])
        #expect(config.smtp == SMTPSettings(host: "smtp.example", port: 587, from: "accord@helix.example") && config.reminderInterval == 30)
        #expect(try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: [:]).smtp == nil)
        let text = try SMTPMailer.message(
            from: "accord@helix.example", to: "dana@helix.example", subject: "Fällig", body: ".hidden\nline\rbare\r\nend",
            date: Date(timeIntervalSince1970: 0))
        #expect(text.contains("Subject: =?UTF-8?B?"))
        // Every line end, a bare CR too, becomes CRLF, so no CR reaches the server on its own.
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000") && text.contains("\r\n\r\n..hidden\r\nline\r\nbare\r\nend\r\n.\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        // Control characters in user text refuse the message instead of adding headers.
        for (subject, body) in [("Due\r\nBcc: x", "text"), ("Due", "nul\u{0}byte"), ("Due", "escape\u{1B}[2J"), ("Tab\there", "x")] {
            #expect(throws: SMTPError.self) {
                try SMTPMailer.message(from: "a@helix.example", to: "b@helix.example", subject: subject, body: body, date: Date())
            }
        }
    }

    @Test func smtpSecurityFollowsThePortAndTheSettings() throws {
        let base = ["ACCORD_SMTP_HOST": "smtp.example", "ACCORD_SMTP_FROM": "accord@helix.example"]
        let resolve = { (extra: [String: String]) in
            try AppConfig.resolve(databaseURL: nil, hostname: nil, port: nil, environment: base.merging(extra) { $1 })
        }
        #expect(try resolve([:]).smtp?.security == .starttls && (try resolve([:]).smtp?.allowPlainAuth == false))
        #expect(try resolve(["ACCORD_SMTP_PORT": "465"]).smtp?.security == .tls)
        #expect(try resolve(["ACCORD_SMTP_SECURITY": "tls", "ACCORD_SMTP_PORT": "2465"]).smtp?.security == .tls)
        #expect(try resolve(["ACCORD_SMTP_ALLOW_PLAIN_AUTH": "true"]).smtp?.allowPlainAuth == true)
        #expect(throws: ConfigurationError.self) { try resolve(["ACCORD_SMTP_SECURITY": "ssl3"]) }
        #expect(throws: ConfigurationError.self) { try resolve(["ACCORD_SMTP_ALLOW_PLAIN_AUTH": "maybe"]) }
    }

    @Test func noDescriptionOfTheConfigurationShowsASecret() throws {
        let config = try AppConfig.resolve(
            databaseURL: "postgres://accord:db-secret-9@db.example:5432/accord", hostname: nil, port: nil,
            environment: [
                "ACCORD_SMTP_HOST": "smtp.example", "ACCORD_SMTP_FROM": "accord@helix.example", "ACCORD_SMTP_USERNAME": "mailer",
                "ACCORD_SMTP_PASSWORD": "smtp-secret-7",
            ])
        var dumped = ""
        dump(config, to: &dumped)
        for text in [
            String(describing: config), String(reflecting: config), dumped, String(describing: config.smtp!),
            String(reflecting: config.smtp!),
            String(describing: config.databaseURL), String(reflecting: config.databaseURL),
        ] {
            #expect(!text.contains("smtp-secret-7") && !text.contains("db-secret-9"), "\(text)")
        }
        #expect(throws: ConfigurationError.self) { try DatabaseURL("mysql://root:db-secret-9@host/db") }
        do { _ = try DatabaseURL("mysql://root:db-secret-9@host/db") } catch { #expect(!"\(error)".contains("db-secret-9")) }
    }
}
