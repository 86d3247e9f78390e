import AccordMemberwise
import Foundation

/// Limits on failed sign-ins, counted in the database so every instance applies them together.
@Memberwise
public struct SignInThrottle: Sendable {
    public var window: TimeInterval = 15 * 60
    public var maxFailuresPerAccount: Int = 5
    public var maxFailuresPerAddress: Int = 20

    public static func accountKey(_ email: String) -> String { "account:" + email.lowercased() }
    public static func addressKey(_ address: String) -> String { "address:" + address }

    /// True when either counter has reached its limit within the window.
    public func isBlocked(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures >= maxFailuresPerAccount || addressFailures >= maxFailuresPerAddress
    }
}
