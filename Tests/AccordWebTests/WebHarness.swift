import AccordCore
import AccordStore
import AccordTestSupport
import AccordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing

/// A fresh SQLite database with the demo portfolio, an application over it, and a cookie-keeping client.
struct WebHarness {
    let store: Store
    let client: any TestClientProtocol
    /// The application's services, for steps the scheduler runs (reminders).
    var services: Services? = nil

    static let logger: Logger = {
        var logger = Logger(label: "accord.webtests")
        logger.logLevel = .critical
        return logger
    }()

    /// SQLite and PostgreSQL (see `TestDatabases`: a missing PostgreSQL fails loudly unless the run asks for SQLite only).
    static var databases: [String] { TestDatabases.names }

    /// The templates, read from the bundle once per process.
    static let views = Task {
        var views = try await Views.load()
        views.checksTemplates = true
        return views
    }

    /// What a test starts from, each a template built once per process and copied per test.
    enum Fixture: String, Sendable {
        /// The migrations and the demo portfolio.
        case demo
        /// The migrations, our company and one partner ("Helix Therapeutics", "Norvik Biologics"), and the demo's
        /// five accounts (same emails and password), linked to one person each: the test builds the rest.
        case accounts

        var prepare: TemplateDatabases.Prepare {
            switch self {
            case .demo: { database in _ = try await DemoPortfolio.load(into: Store(database: database), bcryptCost: 4) }
            case .accounts: { database in try await WebHarness.loadAccounts(Store(database: database)) }
            }
        }
    }

    static func loadAccounts(_ store: Store) async throws {
        let ours = try await store.organizations.create(
            try OrganizationInput(name: "Helix Therapeutics", kind: "ours").validate(), by: .system)
        let partner = try await store.organizations.create(
            try OrganizationInput(name: "Norvik Biologics", kind: "partner").validate(), by: .system)
        let hash = try await Passwords.hash(DemoPortfolio.password, cost: 4)
        for account in DemoPortfolio.accounts {
            var person: Person?
            if account.role != .administrator {
                let name = account.email.prefix { $0 != "@" }.capitalized + " Person"
                person = try await store.people.create(
                    try PersonInput(
                        organizationID: (account.role == .partner ? partner : ours).id.uuidString, name: name,
                        email: account.email.replacingOccurrences(of: "@", with: ".person@"), function: "alliance_management",
                        level: "management"
                    ).validate(), by: .system)
            }
            _ = try await store.users.create(
                try UserInput(
                    email: account.email, name: person?.name ?? "Avery Admin", role: account.role.rawValue,
                    personID: person?.id.canonicalText, active: "true"
                ).validate(), passwordHash: hash, by: .system)
        }
    }

    static func run(
        database: String = "sqlite", fixture: Fixture = .demo, throttle: SignInThrottle = SignInThrottle(), clock: TestClock? = nil,
        logger: Logger = logger, mailer: (any Mailer)? = nil, _ body: @escaping @Sendable (WebHarness) async throws -> Void
    ) async throws {
        if database == "postgres" {
            try await withPostgres(fixture) { url in
                try await run(url: url, throttle: throttle, clock: clock, logger: logger, mailer: mailer, body)
            }
            return
        }
        let path = try await TemplateDatabases.shared.sqliteCopy(fixture.rawValue, prepare: fixture.prepare)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await run(url: .sqlite(path: path), throttle: throttle, clock: clock, logger: logger, mailer: mailer, body)
    }

    /// A fresh PostgreSQL database for one test, copied from the fixture's template and dropped afterwards.
    static func withPostgres(_ fixture: Fixture = .demo, _ body: (DatabaseURL) async throws -> Void) async throws {
        let admin = try TestDatabases.postgresAdminURL()
        guard case .postgres(let host, let port, let user, let password, _) = admin else {
            throw ConfigurationError(setting: "ACCORD_TEST_POSTGRES_URL", message: "is not a postgres:// URL")
        }
        let adminDB = try await AccordDatabase.open(admin, logger: logger)
        do {
            let name = try await TemplateDatabases.shared.postgresCopy(fixture.rawValue, admin: adminDB, prepare: fixture.prepare)
            try await body(.postgres(host: host, port: port, user: user, password: password, database: name))
            try await adminDB.read { db in try await db.raw("DROP DATABASE \(unsafeRaw: name)").run() }
        } catch {
            await adminDB.close()
            throw error
        }
        await adminDB.close()
    }

    static func run(
        url: DatabaseURL, throttle: SignInThrottle, clock: TestClock? = nil, logger appLogger: Logger = logger,
        mailer: (any Mailer)? = nil, _ body: @escaping @Sendable (WebHarness) async throws -> Void
    ) async throws {
        let time = clock ?? TestClock(nil)
        let database = try await AccordDatabase.open(url, logger: logger, clock: WallClock { time.now })
        do {
            let store = Store(database: database)
            let services = Services(
                store: store, views: try await views.value, config: AppConfig(), throttle: throttle, bcryptCost: 4, mailer: mailer)
            let app = Application(router: buildRouter(services), logger: appLogger)
            try await app.test(.router) { client in try await body(WebHarness(store: store, client: client, services: services)) }
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    func browser() -> Browser { Browser(client: client) }

    /// An alliance nobody in the sign-in accounts belongs to, with a partner of its own (the demo's Kanto Pharma, or
    /// "Outsider Partner" on the `.accounts` fixture, made the first time).
    func outsiderAlliance() async throws -> Alliance {
        let partner: Organization
        let organisations = try await store.organizations.list()
        if let known = organisations.first(where: { $0.name == "Kanto Pharma" || $0.name == "Outsider Partner" }) {
            partner = known
        } else {
            partner = try await store.organizations.create(
                try OrganizationInput(name: "Outsider Partner", kind: "partner").validate(), by: .system)
        }
        var input = AllianceInput()
        (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
            "Outsider alliance", partner.id.uuidString, "other", "active", "development", "tier_3"
        )
        return try await store.alliances.create(try input.validate(), by: .system)
    }

    /// On the `.accounts` fixture: the person linked to an account (`"manager"` for manager@accord.example).
    func accountPerson(_ account: String) async throws -> Person {
        try #require(try await store.people.list(organizationID: nil, text: account + ".person@", page: 1, perPage: 2).items.first)
    }

    /// On the `.accounts` fixture: an alliance with Norvik Biologics on which each account plays its part: the
    /// executive sponsors it, the manager runs it, the member is on its team and the partner user manages it for
    /// Norvik.
    func teamAlliance(_ name: String = "Team alliance", description: String? = nil, internalNotes: String? = nil) async throws
        -> Alliance
    {
        let person = accountPerson
        let partner = try #require(try await store.organizations.list().first { $0.name == "Norvik Biologics" })
        var input = AllianceInput()
        (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
            name, partner.id.uuidString, "co_development", "active", "development", "tier_1"
        )
        (input.ourSponsorID, input.ourManagerID, input.partnerManagerID) = (
            try await person("exec").id.uuidString, try await person("manager").id.uuidString,
            try await person("partner").id.uuidString
        )
        (input.description, input.internalNotes) = (description, internalNotes)
        let alliance = try await store.alliances.create(try input.validate(), by: .system)
        _ = try await store.alliances.addMember(
            alliance.id, personID: try await person("member").id, side: .ours, role: .member, by: .system)
        return alliance
    }

    /// A new alliance with the first partner, managed by `manager` when given (for tests that build their records).
    func makeAlliance(
        _ name: String, manager: Person? = nil, type: AllianceType = .coDevelopment, phase: LifecyclePhase = .development
    ) async throws -> Alliance {
        let partner = try #require(try await store.organizations.list().first { $0.kind == .partner })
        var input = AllianceInput()
        (input.name, input.partnerID, input.type, input.status, input.phase, input.tier) = (
            name, partner.id.uuidString, type.rawValue, "active", phase.rawValue, "tier_2"
        )
        input.ourManagerID = manager?.id.uuidString
        return try await store.alliances.create(try input.validate(), by: .system)
    }

    func alliance(named name: String) async throws -> Alliance {
        var query = AllianceQuery()
        query.text = name
        return try await store.alliances.list(query).items.first!.alliance
    }

    func auditCount() async throws -> Int { try await store.audit.recent(limit: 1).first.map { Int($0.sequence) } ?? 0 }
}

/// Keeps every email instead of sending it.
final class RecordingMailer: Mailer, @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [OutgoingEmail] = []
    let sender = "accord@helix.example"

    func send(_ email: OutgoingEmail) async throws { lock.withLock { kept.append(email) } }

    var sent: [OutgoingEmail] { lock.withLock { kept } }
}

/// Keeps cookies and the last page's CSRF token, like a browser would.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, .get, body: nil, contentType: nil)
    }

    @discardableResult
    func post(_ uri: String, _ form: [String: String], csrf: Bool = true, contentType: String = "application/x-www-form-urlencoded")
        async throws -> TestResponse
    {
        var fields = form
        if csrf { fields["_csrf"] = self.csrf }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(uri, .post, body: ByteBuffer(string: body), contentType: contentType)
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if header.contains("Max-Age=0") { cookies[pair[0]] = nil } else if pair.count == 2 { cookies[pair[0]] = pair[1] }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: "name=\"_csrf\" value=\"") {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        return response
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Signs in with the demo password; returns the sign-in response.
    @discardableResult
    func signIn(_ email: String, password: String = DemoPortfolio.password) async throws -> TestResponse {
        try await get("/signin")
        let response = try await post("/signin", ["email": email, "password": password])
        if response.status == .seeOther { try await get("/alliances") }
        return response
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

/// A clock tests pin and move, to cross deadlines without waiting; `TestClock(nil)` follows the real time.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date?

    init(_ date: Date? = Date()) { current = date }

    var now: Date { lock.withLock { current } ?? Date() }

    func advance(days: Int) {
        lock.withLock { current = (current ?? Date()).addingTimeInterval(TimeInterval(days) * 86_400) }
    }
}
