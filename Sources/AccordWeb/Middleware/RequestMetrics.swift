import Foundation
import Hummingbird
import Prometheus

/// Request counts and latencies by route, method and status, exposed at /metrics.
public final class RequestMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    public init() {}

    func record(route: String, method: String, status: Int, elapsed: Duration) {
        registry.makeCounter(
            descriptor: .init(metricName: "accord_http_requests", unitName: "total", helpText: "HTTP requests by route, method and status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(metricName: "accord_http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route"),
            labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(elapsed)
    }

    public func exposition() -> String { registry.emitToString() }
}

struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
                elapsed: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status,
                elapsed: ContinuousClock.now - start)
            throw error
        }
    }
}
