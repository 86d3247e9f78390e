import AccordCore
import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` body, checked for its CSRF token.
public struct FormData: Sendable {
    public private(set) var values: [String: String] = [:]
    /// Every value of keys that repeat, such as a list of checkboxes.
    public private(set) var lists: [String: [String]] = [:]

    public init(values: [String: String], lists: [String: [String]] = [:]) {
        self.values = values
        self.lists = lists
    }

    public subscript(_ key: String) -> String? { values[key] }

    public func all(_ key: String) -> [String] { lists[key] ?? [] }

    /// The record version the form was rendered with, for the stale-edit check.
    public var version: Int? { values["version"].flatMap { Int($0) } }

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
        FormData.parse(uri.query ?? "").values
    }
}
