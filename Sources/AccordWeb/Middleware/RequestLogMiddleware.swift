import Foundation
import Hummingbird
import Logging

/// One log line per request, when it ends: method, path, status and duration. Capability tokens in the path (the
/// survey and calendar links, which open without an account) are replaced by `[redacted]`, and only the names of
/// query parameters are logged, never their values.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let level: Logger.Level

    /// Path prefixes whose next segment is a secret.
    static let capabilityPrefixes = ["/survey/", "/calendar/"]

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch {
            log(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    func log(_ request: Request, _ context: AppContext, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(
            level: level, "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(Self.redact(request.uri.path)),
                "query": .string(Self.queryNames(request.uri.query)), "status": .stringConvertible(status),
                "ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }

    /// The path with every capability token replaced.
    static func redact(_ path: String) -> String {
        for prefix in capabilityPrefixes where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
            let suffix = rest.hasSuffix(".ics") && tail.isEmpty ? ".ics" : ""
            return prefix + "[redacted]" + suffix + tail
        }
        return path
    }

    /// `a&b` for `?a=1&b=2`: which parameters came, not what they held (search text, tokens).
    static func queryNames(_ query: String?) -> String {
        guard let query, !query.isEmpty else { return "" }
        return query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "" }
            .joined(separator: "&")
    }
}
