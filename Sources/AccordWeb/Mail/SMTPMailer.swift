import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Where reminder email goes: an SMTP server, with STARTTLS whenever the server offers it and AUTH PLAIN when
/// credentials are set.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String

    public init(host: String, port: Int = 587, username: String? = nil, password: String? = nil, from: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
    }
}

public struct SMTPError: Error, CustomStringConvertible {
    public let description: String
}

/// A small SMTP client (RFC 5321, STARTTLS per RFC 3207, AUTH PLAIN per RFC 4616): one connection per message.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) { self.settings = settings }

    public func send(to recipient: String, subject: String, body: String, date: Date = Date()) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
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
            var features = try await command("EHLO accord", expect: [250])
            if features.contains(where: { $0.uppercased().contains("STARTTLS") }) {
                _ = try await command("STARTTLS", expect: [220])
                let tls = try NIOSSLContext(configuration: .makeClientConfiguration())
                try await channel.channel.pipeline.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: settings.host), position: .first
                ).get()
                features = try await command("EHLO accord", expect: [250])
            }
            if let user = settings.username, let password = settings.password {
                let token = Data(("\0" + user + "\0" + password).utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN " + token, expect: [235])
            }
            _ = features
            _ = try await command("MAIL FROM:<\(settings.from)>", expect: [250])
            _ = try await command("RCPT TO:<\(recipient)>", expect: [250, 251])
            _ = try await command("DATA", expect: [354])
            try await outbound.write(
                ByteBuffer(string: Self.message(from: settings.from, to: recipient, subject: subject, body: body, date: date)))
            _ = try await reply()
            _ = try? await command("QUIT", expect: [221])
        }
    }

    /// The message with headers, CRLF line ends and dot-stuffing, ending with the lone dot.
    public static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let clean = { (s: String) in s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let title = clean(subject)
        let encoded = title.allSatisfy(\.isASCII) ? title : "=?UTF-8?B?" + Data(title.utf8).base64EncodedString() + "?="
        let headers = [
            "From: Accord <\(clean(from))>", "To: <\(clean(to))>", "Subject: \(encoded)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@accord>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map {
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
