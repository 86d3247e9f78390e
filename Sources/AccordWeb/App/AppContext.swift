import AccordCore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The signed-in user for this request, with what the access policy needs.
public struct SignedIn: Sendable {
    public var user: User
    public var principal: Principal
    /// The browser session, or nil for a request signed with an API token.
    public var session: Session?
}

/// Per-request state: who is signed in and where the request came from.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var signedIn: SignedIn?
    /// The CSRF token forms on this request must carry.
    public var csrfToken: String = ""
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// 64 KiB is far above any form here; bigger bodies are refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in user, or a redirect to sign-in.
    public func requireUser() throws -> SignedIn {
        guard let signedIn else { throw AuthRequired() }
        return signedIn
    }
}

/// Thrown when a page needs a signed-in user; the error middleware turns it into a redirect.
struct AuthRequired: Error {}
