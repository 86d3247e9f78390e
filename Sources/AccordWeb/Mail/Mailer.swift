import AccordMemberwise
import Foundation

/// One email Accord sends (reminders today).
@Memberwise
public struct OutgoingEmail: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let body: String
}

/// Where email goes: SMTP in production (`SMTPMailer`), a recording fake in tests.
public protocol Mailer: Sendable {
    /// The sender shown in the message's closing line.
    var sender: String { get }
    func send(_ email: OutgoingEmail) async throws
}

extension SMTPMailer: Mailer {
    public var sender: String { settings.from }

    public func send(_ email: OutgoingEmail) async throws {
        try await send(to: email.to, subject: email.subject, body: email.body)
    }
}
