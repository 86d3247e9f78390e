import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Where reminder email goes: an SMTP server, with STARTTLS whenever the server offers it (or implicit TLS, the
/// default on port 465) and AUTH PLAIN when credentials are set. Credentials are sent only over TLS unless
/// `allowPlainAuth` says otherwise. Descriptions never show the password.
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Security: String, Sendable, Equatable {
        /// Plain connection upgraded with STARTTLS when the server offers it (port 587 or 25).
        case starttls
        /// TLS from the first byte (SMTPS, port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String
    public var security: Security
    /// Send AUTH over a connection without TLS. Off by default; only for a relay on a trusted network.
    public var allowPlainAuth: Bool

    public init(
        host: String, port: Int = 587, username: String? = nil, password: String? = nil, from: String, security: Security? = nil,
        allowPlainAuth: Bool = false
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
        self.security = security ?? (port == 465 ? .tls : .starttls)
        self.allowPlainAuth = allowPlainAuth
    }

    public var description: String {
        let mode = security == .tls ? "TLS" : (allowPlainAuth ? "STARTTLS when offered" : "STARTTLS when offered, required to sign in")
        return "\(host):\(port) (\(mode)\(username.map { ", as \($0), password hidden" } ?? "")), from \(from)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["settings": description]) }
}

public struct SMTPError: Error, CustomStringConvertible {
    public let description: String
}

/// A small SMTP client (RFC 5321, STARTTLS per RFC 3207, AUTH PLAIN per RFC 4616): one connection per message.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) { self.settings = settings }

    public func send(to recipient: String, subject: String, body: String, date: Date = Date()) async throws {
        let message = try Self.message(from: settings.from, to: recipient, subject: subject, body: body, date: date)
        let implicitTLS = settings.security == .tls
        let tlsContext = try NIOSSLContext(configuration: .makeClientConfiguration())
        let host = settings.host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply() async throws -> (code: Int, lines: [String]) {
                var text: [String] = []
                while true {
                    guard var buffer = try await lines.next(), let line = buffer.readString(length: buffer.readableBytes) else {
                        throw SMTPError(description: "the SMTP server closed the connection")
                    }
                    let clean = line.hasSuffix("\r") ? String(line.dropLast()) : line
                    text.append(clean)
                    if clean.count < 4 || clean[clean.index(clean.startIndex, offsetBy: 3)] != "-" {
                        return (Int(clean.prefix(3)) ?? 0, text)
                    }
                }
            }
            func command(_ line: String, expect: Set<Int>) async throws -> [String] {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                let answer = try await reply()
                guard expect.contains(answer.code) else {
                    let shown = line.hasPrefix("AUTH") ? "AUTH PLAIN" : line
                    throw SMTPError(description: "the SMTP server answered \(answer.lines.last ?? "") to \(shown)")
                }
                return answer.lines
            }
            guard try await reply().code == 220 else { throw SMTPError(description: "the SMTP server did not greet") }
            let features = try await command("EHLO accord", expect: [250])
            var encrypted = implicitTLS
            if !encrypted, features.contains(where: { $0.uppercased().contains("STARTTLS") }) {
                _ = try await command("STARTTLS", expect: [220])
                try await channel.channel.pipeline.addHandler(
                    try NIOSSLClientHandler(context: tlsContext, serverHostname: settings.host), position: .first
                ).get()
                encrypted = true
                _ = try await command("EHLO accord", expect: [250])
            }
            if let user = settings.username, let password = settings.password {
                guard encrypted || settings.allowPlainAuth else {
                    throw SMTPError(
                        description:
                            "\(settings.host):\(settings.port) offers no STARTTLS, so the password is not sent; use TLS (port 465 or ACCORD_SMTP_SECURITY=tls) or set ACCORD_SMTP_ALLOW_PLAIN_AUTH=true for a trusted relay"
                    )
                }
                let token = Data(("\0" + user + "\0" + password).utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN " + token, expect: [235])
            }
            _ = try await command("MAIL FROM:<\(settings.from)>", expect: [250])
            _ = try await command("RCPT TO:<\(recipient)>", expect: [250, 251])
            _ = try await command("DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: message))
            // The server's answer to the message itself decides whether it was accepted.
            let accepted = try await reply()
            guard accepted.code == 250 else {
                throw SMTPError(description: "the SMTP server refused the message: \(accepted.lines.last ?? "")")
            }
            _ = try? await command("QUIT", expect: [221])
        }
    }

    /// The message with headers, CRLF line ends and dot-stuffing, ending with the lone dot. Line ends in the body
    /// (CRLF, LF or a bare CR) all become CRLF; any other control character in the subject, the addresses or the
    /// body (a tab in the body aside) refuses the message, so user text cannot add headers or end the data early.
    public static func message(from: String, to: String, subject: String, body: String, date: Date) throws -> String {
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let isControl = { (scalar: Unicode.Scalar) in scalar.properties.generalCategory == .control }
        if normalized.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) {
            throw SMTPError(description: "the message text holds a control character")
        }
        for (field, value) in [("subject", subject), ("sender", from), ("recipient", to)]
        where value.unicodeScalars.contains(where: isControl) {
            throw SMTPError(description: "the \(field) holds a control character")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let clean = { (s: String) in s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let title = clean(subject)
        let encoded = title.allSatisfy(\.isASCII) ? title : "=?UTF-8?B?" + Data(title.utf8).base64EncodedString() + "?="
        let headers = [
            "From: Accord <\(clean(from))>", "To: <\(clean(to))>", "Subject: \(encoded)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().lowercaseText)@accord>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix(".") ? "." + $0 : String($0)
        }
        return (headers + [""] + lines).joined(separator: "\r\n") + "\r\n.\r\n"
    }
}

/// Splits the server's replies into lines (LF, with an optional CR before it).
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 64 * 1024 { throw SMTPError(description: "the SMTP server sent an overlong line") }
            return .needMoreData
        }
        let length = end - buffer.readerIndex
        let line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }
}
