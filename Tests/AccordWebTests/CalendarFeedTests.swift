import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The calendar feed: made from "My actions", fetched without signing in, reset and turned off; what it holds
/// follows the user's access.
@Suite struct CalendarFeedPagesTests {
    static func feedPath(_ page: TestResponse) -> String? {
        guard let start = page.text.range(of: "<code id=\"calendar-url\">"), let end = page.text[start.upperBound...].range(of: "</code>")
        else { return nil }
        let url = String(page.text[start.upperBound..<end.lowerBound])
        return url.range(of: "/calendar/").map { String(url[$0.lowerBound...]) }
    }

    @Test(arguments: WebHarness.databases)
    func aSecretRevocableFeedOfMeetingsDeadlinesAndDueDates(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            #expect(try await manager.get("/my/actions").text.contains("You have no calendar feed."))
            let before = try await h.auditCount()
            let made = try await manager.post("/my/calendar", [:])
            #expect(made.status == .created && made.text.contains("shown only once"))
            #expect(try await h.auditCount() == before + 1)
            let path = try #require(Self.feedPath(made))
            #expect(path.hasPrefix("/calendar/cal_") && path.hasSuffix(".ics"))

            let anonymous = h.browser()
            let feed = try await anonymous.get(path)
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let text = feed.text
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("X-WR-CALNAME:Accord: "))
            #expect(text.contains("SUMMARY:Joint steering committee: Quarterly steering committee"))
            #expect(text.contains("SUMMARY:Escalation deadline: Move the Japan launch to Q3 2027"))
            #expect(text.contains("SUMMARY:Due: Prepare launch-timing options for the chief executives"))
            #expect(text.contains("SUMMARY:Due: Brief our sponsor before the next steering committee"))
            #expect(text.contains("SUMMARY:Due: IND clearance milestone") && !text.contains("SUMMARY:Due: Upfront licence fee"))
            #expect(text.contains("URL:http://"))
            // The page no longer shows the link, only that a feed exists.
            let page = try await manager.get("/my/actions")
            #expect(Self.feedPath(page) == nil && page.text.contains("Your feed is on"))

            // Resetting replaces the secret; turning off ends it.
            let reset = try await manager.post("/my/calendar", [:])
            let newPath = try #require(Self.feedPath(reset))
            #expect(newPath != path)
            #expect(try await anonymous.get(path).status == .notFound)
            #expect(try await anonymous.get(newPath).status == .ok)
            try await manager.get("/my/actions")
            let off = try await manager.post("/my/calendar/revoke", [:])
            #expect(off.status == .seeOther)
            #expect(try await anonymous.get(newPath).status == .notFound)
            #expect(try await manager.get("/my/actions").text.contains("You have no calendar feed."))
            for bad in ["/calendar/nonsense", "/calendar/cal_x.ics", "/calendar/" + String(repeating: "c", count: 300)] {
                #expect(try await anonymous.get(bad).status == .notFound)
            }
            // Making a feed needs a signed-in user and the form's token.
            #expect(try await anonymous.post("/my/calendar", [:], csrf: false).status != .created)
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnerFeedsHoldSharedItemsOnly(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let mine = try await h.teamAlliance()
            let partnerUser = try await h.store.users.find(email: "partner@accord.example")!
            let person = try #require(partnerUser.personID)
            let committee = try await h.store.governance.createBody(
                allianceID: mine.id, try BodyInput(name: "Joint research committee", kind: "other", decisionRule: "majority").validate(),
                by: .system)
            let dealTeam = try await h.store.governance.createBody(
                allianceID: mine.id,
                try BodyInput(name: "Deal team", kind: "other", visibility: "internal", decisionRule: "majority").validate(), by: .system)
            for body in [committee, dealTeam] {
                _ = try await h.store.governance.addMember(body.id, personID: person, side: .partner, role: .member, by: .system)
                _ = try await h.store.governance.scheduleMeeting(
                    body,
                    MeetingInput.Valid(
                        title: "\(body.name) review", date: LocalDate(date: Date()).adding(days: 10), startMinute: 600, location: nil,
                        agenda: [], noticeOverride: "test"), by: .system)
            }
            for (title, visibility) in [("Shared follow-up", Visibility.shared), ("Our negotiation notes", .internal)] {
                _ = try await h.store.governance.createActionItem(
                    allianceID: mine.id,
                    ActionItemInput.Valid(
                        title: title, ownerID: person, dueOn: LocalDate(date: Date()).adding(days: 5), status: .planned, meetingID: nil,
                        decisionID: nil, visibility: visibility), by: .system)
            }
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            try await partner.get("/my/actions")
            let path = try #require(Self.feedPath(try await partner.post("/my/calendar", [:])))
            let text = try await h.browser().get(path).text
            #expect(text.contains("Joint research committee review") && text.contains("Due: Shared follow-up"))
            #expect(!text.contains("Deal team") && !text.contains("Our negotiation notes"))
        }
    }
}
