import Foundation
import Hummingbird

/// Liveness, readiness, Prometheus metrics and the stylesheet.
struct OperationsController {
    let services: Services

    func register(_ router: Router<AppContext>) {
        router.get(Site.healthz) { _, _ in
            text("ok\n", contentType: "text/plain; charset=utf-8")
        }
        router.get(Site.readyz) { _, _ in
            let database = services.store.database
            let answer: String? =
                if !(await database.isReachable()) { "database unreachable\n" } else if !(await database.acceptsWrites()) {
                    "database refuses writes (full disk, read-only file or read-only server?)\n"
                } else { nil }
            return text(
                answer ?? "ready\n", contentType: "text/plain; charset=utf-8", status: answer == nil ? .ok : .serviceUnavailable)
        }
        router.get(Site.metrics) { _, _ in
            text(services.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get(Site.stylesheet) { _, _ in
            var response = text(services.views.stylesheet, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get(Site.script) { _, _ in
            var response = text(services.views.script, contentType: "text/javascript; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
    }

    func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
