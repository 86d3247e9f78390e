import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Overdue escalation steps and action items flagged on the portfolio list, the alliance page and the portfolio's
/// governance page, as the clock crosses due dates, and only what each user may see.
@Suite struct GovernancePortfolioPagesTests {
    @Test(arguments: WebHarness.databases)
    func overdueWorkIsFlaggedAcrossThePortfolio(_ database: String) async throws {
        let clock = TestClock()
        try await WebHarness.run(database: database, clock: clock) { h in
            let exec = h.browser()
            try await exec.signIn("exec@accord.example")
            let page = try await exec.get("/governance")
            #expect(page.status == .ok && page.text.contains("Move the Japan launch to Q3 2027"))
            #expect(page.text.contains("Prepare launch-timing options for the chief executives"))
            let list = try await exec.get("/alliances").text
            #expect(list.contains("⚑ 1 escalation past its deadline · 2 overdue actions"))
            let kanto = try await h.alliance(named: "Kanto Japan")
            #expect(try await exec.get("/alliances/\(kanto.id.uuidString.lowercased())").text.contains("Governance needs attention"))

            // An action due tomorrow is not late yet; two days on it is.
            let lotus = try await h.alliance(named: "Lotus API supply")
            let owner = try await h.store.alliances.members(of: lotus.id)[0].personID
            var forecast = ActionItemInput.Valid(
                title: "Send the annual forecast", ownerID: owner, dueOn: LocalDate(date: clock.now).adding(days: 1), status: .planned,
                meetingID: nil, decisionID: nil, visibility: .shared)
            let item = try await h.store.governance.createActionItem(allianceID: lotus.id, forecast, by: .system)
            #expect(!(try await exec.get("/governance").text.contains("Send the annual forecast")))
            #expect(!(try await exec.get("/alliances/\(lotus.id.uuidString.lowercased())").text.contains("Governance needs attention")))
            clock.advance(days: 2)
            try await exec.signIn("exec@accord.example")
            #expect(try await exec.get("/governance").text.contains("Send the annual forecast"))
            #expect(try await exec.get("/alliances/\(lotus.id.uuidString.lowercased())").text.contains("1 overdue action"))
            // The portfolio-wide view is worked out once per change: the same day, a change is seen on the next request.
            #expect(try await exec.get("/governance").text.contains("Send the annual forecast"))
            forecast.status = .done
            _ = try await h.store.governance.updateActionItem(item.id, forecast, expectedVersion: item.version, by: .system)
            #expect(!(try await exec.get("/governance").text.contains("Send the annual forecast")))
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnersSeeOnlySharedLateWorkOfTheirAlliances(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let mine = try await h.teamAlliance()
            let other = try await h.outsiderAlliance()
            let owner = try await h.accountPerson("manager").id
            _ = try await h.store.alliances.addMember(other.id, personID: owner, side: .ours, role: .member, by: .system)
            for (alliance, title, visibility) in [
                (mine, "Shared and late", Visibility.shared), (mine, "Internal and late", .internal),
                (other, "Move the Japan launch", .shared),
            ] {
                _ = try await h.store.governance.createActionItem(
                    allianceID: alliance.id,
                    ActionItemInput.Valid(
                        title: title, ownerID: owner, dueOn: LocalDate(date: Date()).adding(days: -3), status: .planned, meetingID: nil,
                        decisionID: nil, visibility: visibility), by: .system)
            }
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let page = try await partner.get("/governance").text
            #expect(page.contains("Shared and late") && !page.contains("Internal and late"))
            #expect(!page.contains("Outsider alliance") && !page.contains("Move the Japan launch"))
            // Our manager, on both alliances, does see the other alliance's late item (the check above can fail).
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            #expect(try await manager.get("/governance?scope=all").text.contains("Move the Japan launch"))
            #expect(try await partner.get("/alliances").text.contains("⚑ 1 overdue action"))
        }
    }
}

/// Alliance managers start with their own alliances' late work; executives with all; either can switch.
@Suite struct GovernanceScopeTests {
    @Test func managersSeeTheirOwnAlliancesFirstAndCanWidenTheView() async throws {
        try await WebHarness.run { h in
            let member = h.browser()
            try await member.signIn("member@accord.example")
            let mine = try await member.get("/governance")
            #expect(mine.status == .ok && mine.text.contains("aria-current=\"page\">Your alliances ("))
            #expect(!mine.text.contains("Targeting data for the field force arrives late"))
            let all = try await member.get("/governance?scope=all")
            #expect(
                all.text.contains("aria-current=\"page\">All alliances")
                    && all.text.contains("Targeting data for the field force arrives late"))
            #expect(try await member.get("/governance?scope=everything").status == .badRequest)
            let exec = h.browser()
            try await exec.signIn("exec@accord.example")
            #expect(try await exec.get("/governance").text.contains("aria-current=\"page\">All alliances"))
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(!(try await partner.get("/governance").text.contains("Your alliances")))
        }
    }
}
