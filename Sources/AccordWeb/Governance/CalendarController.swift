import AccordCore
import Foundation
import Hummingbird

/// Each user's iCalendar feed behind a secret URL: made or reset (the old URL stops working) and turned off from
/// "My actions"; fetched by calendar applications without signing in.
struct CalendarController {
    let config: AppConfig
    /// My actions, which shows the feed's link once it is made; its calendar service is the feed's.
    let myActions: ActionItemsController
    var calendar: CalendarService { myActions.calendar }
    static let marker = "cal_"

    func register(_ router: Router<AppContext>) {
        router.post(Site.myCalendar) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            let token = Self.marker + Tokens.random()
            try await calendar.reset(user, token: token)
            let url = base(request) + Site.calendarFeed.path(token + ".ics")
            return try await myActions.mine(
                context, notice: "Your calendar link is ready. Copy it now: it is shown only once.", newFeedURL: url, status: .created)
        }
        router.post(Site.myCalendarRevoke) { request, context in
            let user = try context.requireUser()
            _ = try await FormData.read(request, context: context)
            try await calendar.revoke(user)
            return redirect(Site.myActions.pattern, .calendarRevoked)
        }
        router.get(Site.calendarFeed) { request, context in try await feed(request, context) }
    }

    func feed(_ request: Request, _ context: AppContext) async throws -> Response {
        var token = Site.calendarFeed.text(in: context)
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard token.hasPrefix(Self.marker), token.count < 100,
            let user = try await calendar.user(token: token)
        else { throw DomainError.notFound("No such calendar. The link may have been reset or turned off.") }
        let events = try await calendar.events(for: user, base: base(request))
        let text = ICalendar.document(name: "Accord: \(user.name)", events: events, stamp: calendar.clock.now())
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.cacheControl] = "private, max-age=300"
        headers[.contentDisposition] = "inline; filename=\"accord.ics\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The site's address for links: the configured public URL, else the address the request came to.
    func base(_ request: Request) -> String {
        if let url = config.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        let host = request.head.authority ?? "\(config.hostname):\(config.port)"
        let safe = host.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0) }
        return "http://" + (safe ? host : "\(config.hostname):\(config.port)")
    }
}
