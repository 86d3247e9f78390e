import Foundation

/// Length over complexity, as NIST SP 800-63B recommends, plus a few obvious refusals.
public enum PasswordRules {
    public static let minimumLength = 12
    /// bcrypt reads at most 72 bytes of a password (and stops at a NUL byte), so a longer one is refused rather
    /// than silently cut: every byte of an accepted password counts.
    public static let maximumBytes = 72

    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "letmein12345", "administrator",
        "welcome12345", "accordaccord", "changeme1234", "iloveyou1234",
    ]

    /// Checks a new password; the message names the `password` field.
    public static func check(_ password: String, email: String, field: String = "password") throws(DomainError) {
        if password.count < minimumLength {
            throw .invalid(field, "Password must be at least \(minimumLength) characters.")
        }
        if containsControlCharacters(password) {
            throw .invalid(field, "Password must not contain control characters (tabs, line breaks, NUL and the like).")
        }
        if password.utf8.count > maximumBytes {
            throw .invalid(
                field, "Password must be at most \(maximumBytes) bytes (\(maximumBytes) letters and digits; accented letters count two).")
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

    /// True for a password an account can have, so the one typed at sign-in is worth comparing.
    public static func isComparable(_ password: String) -> Bool {
        !password.isEmpty && password.utf8.count <= maximumBytes && !containsControlCharacters(password)
    }

    static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
