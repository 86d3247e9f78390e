import Foundation

/// Length over complexity, as NIST SP 800-63B recommends, plus a few obvious refusals.
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 128

    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "letmein12345", "administrator",
        "welcome12345", "accordaccord", "changeme1234", "iloveyou1234",
    ]

    /// Checks a new password; the message names the `password` field.
    public static func check(_ password: String, email: String, field: String = "password") throws(DomainError) {
        if password.count < minimumLength {
            throw .invalid(field, "Password must be at least \(minimumLength) characters.")
        }
        if password.count > maximumLength {
            throw .invalid(field, "Password must be at most \(maximumLength) characters.")
        }
        if Set(password).count < 4 {
            throw .invalid(field, "Password must use at least 4 different characters.")
        }
        let lowered = password.lowercased()
        if common.contains(lowered) {
            throw .invalid(field, "Password is too common; choose another.")
        }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 3, lowered.contains(local) {
            throw .invalid(field, "Password must not contain your email name.")
        }
    }
}
