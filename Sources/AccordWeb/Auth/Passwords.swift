import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on the blocking thread pool so it never stalls request handling.
public enum Passwords {
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Compared against when the email is unknown, so both paths take the same time.
    static let decoy = Bcrypt.hash("decoy-password-for-timing", cost: 12)
}
