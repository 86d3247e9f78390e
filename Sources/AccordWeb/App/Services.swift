import AccordCore
import AccordStore
import Foundation
import Logging

/// The composition root, built once at start-up: the store, the clock, the views and the settings. Features build
/// their own services from it (`XService(services)` or `XService(services.store)`), each holding only the
/// repositories it uses; controllers and API handlers hold the views and their services, never the store.
public struct Services: Sendable, CustomStringConvertible, CustomReflectable {
    public let store: Store
    public let views: Views
    public let config: AppConfig
    public let clock: @Sendable () -> Date
    public let throttle: SignInThrottle
    public let metrics: RequestMetrics
    /// Where reminder email goes: SMTP when configured, nil for in-app only; tests hand in a fake.
    public let mailer: (any Mailer)?
    /// bcrypt cost; tests lower it to stay fast.
    public let bcryptCost: UInt8

    /// What a crash description or `dump` shows of the services: the configuration without its secrets.
    public var description: String { "Services(\(config))" }
    public var customMirror: Mirror { Mirror(self, children: ["config": config.description]) }

    public init(
        store: Store, views: Views, config: AppConfig, throttle: SignInThrottle = SignInThrottle(),
        metrics: RequestMetrics = RequestMetrics(), bcryptCost: UInt8 = 12, mailer: (any Mailer)? = nil
    ) {
        self.mailer = mailer ?? config.smtp.map { SMTPMailer(settings: $0) }
        self.store = store
        self.views = views
        self.config = config
        // One clock for the whole application: the database's, which stamps every write.
        self.clock = store.database.clock.now
        self.throttle = throttle
        self.metrics = metrics
        self.bcryptCost = bcryptCost
    }

    /// Today by the application's clock (the database's).
    public var today: LocalDate { LocalDate(date: clock()) }
}
