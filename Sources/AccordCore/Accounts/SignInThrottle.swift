import Foundation

/// Limits on failed sign-ins, counted in the database so every instance applies them together.
public struct SignInThrottle: Sendable {
    public var window: TimeInterval
    public var maxFailuresPerAccount: Int
    public var maxFailuresPerAddress: Int

    public init(window: TimeInterval = 15 * 60, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20) {
        self.window = window
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
    }

    public static func accountKey(_ email: String) -> String { "account:" + email.lowercased() }
    public static func addressKey(_ address: String) -> String { "address:" + address }

    /// True when either counter has reached its limit within the window.
    public func isBlocked(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures >= maxFailuresPerAccount || addressFailures >= maxFailuresPerAddress
    }
}
