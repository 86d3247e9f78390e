import AccordCore
import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// A submitted `application/x-www-form-urlencoded` body, checked for its CSRF token.
public struct FormData: Sendable {
    private var values: [String: String] = [:]
    /// Every value of keys that repeat, such as a list of checkboxes.
    public private(set) var lists: [String: [String]] = [:]

    public init(values: [String: String], lists: [String: [String]] = [:]) {
        self.values = values
        self.lists = lists
    }

    public subscript(_ key: String) -> String? {
        Self.readLog?.note(key)
        return values[key]
    }

    public func all(_ key: String) -> [String] {
        Self.readLog?.note(key)
        return lists[key] ?? []
    }

    /// The fields named with one of `prefixes`, a group such as `score.<scale>`, each noted as read.
    public func values(prefixed prefixes: String...) -> [String: String] {
        let found = values.filter { key, _ in prefixes.contains { key.hasPrefix($0) } }
        for key in found.keys { Self.readLog?.note(key) }
        return found
    }

    /// Every field as sent, to show a refused form again with what was typed (not a read of its fields).
    public var echo: [String: String] { values }

    /// The record version the form was rendered with, for the stale-edit check.
    public var version: Int? { self["version"].flatMap { Int($0) } }

    /// While set, every field a handler reads is noted in it: tests compare what a form sends with what its handler
    /// reads (`FormContractTests`).
    @TaskLocal public static var readLog: FormReadLog?

    /// The names of the fields read from forms, in one task.
    public final class FormReadLog: Sendable {
        private let names = NIOLockedValueBox(Set<String>())

        public init() {}

        func note(_ name: String) { names.withLockedValue { _ = $0.insert(name) } }

        public var read: Set<String> { names.withLockedValue { $0 } }
    }

    /// Parses `a=1&b=two+words`; repeated keys keep the last value.
    public static func parse(_ body: String) -> FormData {
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            guard !key.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            values[key] = value
            lists[key, default: []].append(value)
        }
        return FormData(values: values, lists: lists)
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Reads the body and refuses it unless its `_csrf` field matches this request's token.
    public static func read(_ request: Request, context: AppContext) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType, message: "Forms must be sent as application/x-www-form-urlencoded.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw HTTPError(.contentTooLarge, message: "The form is larger than \(context.maxUploadSize / 1024) KiB.")
        }
        let form = parse(String(buffer: buffer))
        guard !context.csrfToken.isEmpty, let token = form["_csrf"], Tokens.constantTimeEqual(token, context.csrfToken) else {
            throw HTTPError(
                .forbidden, message: "This form has expired or did not come from Accord. Go back, reload the page and try again.")
        }
        return form
    }
}

extension Request {
    /// Query parameters as a plain dictionary (last value wins), decoded as browsers encode them (`+` is a space).
    var queryValues: [String: String] {
        FormData.parse(uri.query ?? "").echo
    }
}
