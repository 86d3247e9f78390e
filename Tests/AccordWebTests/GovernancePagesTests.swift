import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HummingbirdTesting
import Testing

@Suite struct GovernancePagesTests {
    static func bodyForm(_ name: String, max: String = "2", visibility: String = "shared", extra: [String: String] = [:]) -> [String:
        String]
    {
        [
            "name": name, "kind": "steering_committee", "visibility": visibility, "minMembersPerParty": "1", "maxMembersPerParty": max,
            "parityRequired": "yes", "quorumPerParty": "1", "decisionRule": "one_per_party", "minMeetingsPerYear": "4", "noticeDays": "30",
            "step1.decidedBy": "Alliance managers", "step1.days": "15", "step1.finalSay": "", "step1.excluded": "",
        ].merging(extra) { $1 }
    }

    @Test(arguments: WebHarness.databases)
    func bodiesChartersAndMembersThroughTheWebWithWarnings(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let alliance = try await h.teamAlliance("HX-201")
            for account in ["exec", "manager"] {  // three of ours on the team, for the charter's maximum of two
                _ = try await h.store.alliances.addMember(
                    alliance.id, personID: try await h.accountPerson(account).id, side: .ours, role: .member, by: .system)
            }
            let path = "/alliances/\(alliance.id.uuidString.lowercased())/governance"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let empty = try await manager.get(path)
            #expect(empty.status == .ok && empty.text.contains("No governance bodies yet"))
            #expect(try await manager.get(path + "?new=1").text.contains("Escalation ladder"))
            let before = try await h.auditCount()
            let bad = try await manager.post(
                path, Self.bodyForm("", max: "0", extra: ["quorumPerParty": "many", "step1.days": "later", "kind": "board"]))
            #expect(bad.status == .unprocessableContent)
            for message in [
                "Name is required.", "Kind", "Maximum members per party must be", "Quorum per party must be a whole number", "Step 1: days",
            ] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(try await h.auditCount() == before)

            try await manager.get(path + "?new=1")
            #expect(try await manager.post(path, Self.bodyForm("Joint steering committee")).status == .seeOther)
            let jsc = try await h.store.governance.bodies(allianceID: alliance.id)[0]
            try await manager.get(path + "?new=1")
            #expect(
                try await manager.post(
                    path, Self.bodyForm("Internal prep team", visibility: "internal", extra: ["parentID": jsc.id.uuidString])
                ).status == .seeOther)
            let page = try await manager.get(path)
            #expect(page.text.contains("Joint steering committee") && page.text.contains("reports to Joint steering committee"))
            #expect(page.text.contains("is below its charter&#39;s minimum") || page.text.contains("is below its charter's minimum"))

            let team = try await h.store.alliances.members(of: alliance.id)
            let ours = team.filter { $0.side == .ours }.map(\.personID)
            let members = path + "/\(jsc.id.uuidString.lowercased())/members"
            for person in ours.prefix(2) {
                try await manager.get(path)
                #expect(try await manager.post(members, ["personID": person.uuidString, "role": "member"]).status == .seeOther)
            }
            try await manager.get(path)
            let third = try await manager.post(members, ["personID": ours[2].uuidString, "role": "member"])
            #expect(
                third.status == .unprocessableContent && third.text.contains("its charter&#39;s maximum")
                    || third.text.contains("its charter's maximum"))
            try await manager.get(path)
            #expect(try await manager.post(members, ["personID": UUID().uuidString, "role": "member"]).status == .unprocessableContent)
            #expect(try await h.store.governance.members(bodyIDs: [jsc.id])[jsc.id]?.count == 2)
            let parity = try await manager.get(path)
            #expect(parity.text.contains("breaks parity: ours 2, partner 0"))

            let edit = path + "/\(jsc.id.uuidString.lowercased())/edit"
            #expect(try await manager.get(edit).status == .ok)
            let stale = try await manager.post(edit, Self.bodyForm("JSC renamed").merging(["version": "9"]) { $1 })
            #expect(stale.status == .conflict)
            try await manager.get(edit)
            #expect(try await manager.post(edit, Self.bodyForm("JSC renamed").merging(["version": "1"]) { $1 }).status == .seeOther)
            try await manager.get(edit)
            let loop = try await manager.post(
                edit, Self.bodyForm("JSC renamed").merging(["version": "2", "parentID": jsc.id.uuidString]) { $1 })
            #expect(loop.status == .unprocessableContent && loop.text.contains("cannot sit under itself"))

            // Partner users on the alliance see shared bodies only, and cannot change them.
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let seen = try await partner.get(path)
            #expect(seen.status == .ok && seen.text.contains("JSC renamed") && !seen.text.contains("Internal prep team"))
            #expect(!seen.text.contains("Add member"))
            #expect(try await partner.post(members, ["personID": ours[2].uuidString, "role": "member"]).status == .forbidden)
        }
    }
}

@Suite struct MeetingPagesTests {
    @Test(arguments: WebHarness.databases)
    func scheduleWithinNoticeRecordAttendanceAndMinutes(_ database: String) async throws {
        let clock = TestClock()
        try await WebHarness.run(database: database, clock: clock) { h in
            let alliance = try await h.alliance(named: "Kanto Japan")
            let path = "/alliances/\(alliance.id.uuidString.lowercased())/governance"
            let jsc = try await h.store.governance.bodies(allianceID: alliance.id).first { $0.name == "Joint steering committee" }!
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let soon = LocalDate(date: clock.now).adding(days: 5).description
            let before = try await h.auditCount()
            try await manager.get(path)
            let refused = try await manager.post(
                path + "/\(jsc.id.uuidString.lowercased())/meetings", ["title": "Urgent JSC", "date": soon, "time": "09:30"])
            #expect(
                refused.status == .unprocessableContent && refused.text.contains("30 days&#39; notice")
                    || refused.text.contains("30 days' notice"))
            #expect(try await h.auditCount() == before)
            try await manager.get(path)
            let scheduled = try await manager.post(
                path + "/\(jsc.id.uuidString.lowercased())/meetings",
                [
                    "title": "Urgent JSC", "date": soon, "time": "09:30", "agenda": "Supply shortfall\nLaunch timing",
                    "noticeOverride": "Supply shortfall",
                ])
            #expect(scheduled.status == .seeOther)
            let meetingPath = scheduled.location!.components(separatedBy: "?")[0]
            let page = try await manager.get(meetingPath)
            #expect(page.status == .ok && page.text.contains("No quorum") && page.text.contains("Supply shortfall"))

            let members = try await h.store.governance.members(bodyIDs: [jsc.id])[jsc.id]!
            func attendAll() async throws -> TestResponse {
                let page = try await manager.get(meetingPath)
                let body =
                    members.map { "attendee=\($0.personID.uuidString.lowercased())" } + ["_csrf=\(Browser.encode(page.text.csrfToken))"]
                return try await manager.send(
                    meetingPath + "/attendance", .post, body: .init(string: body.joined(separator: "&")),
                    contentType: "application/x-www-form-urlencoded")
            }
            // Five days before the meeting nobody can have attended it; nothing is written.
            let early = try await attendAll()
            #expect(early.status == .unprocessableContent && early.text.contains("once the meeting has taken place"))
            #expect(
                try await h.store.governance.attendance(meetingID: UUID(uuidString: meetingPath.components(separatedBy: "/").last!)!)
                    .isEmpty)
            clock.advance(days: 5)
            try await manager.signIn("manager@accord.example")  // the session expired with the clock
            #expect(try await attendAll().status == .seeOther)
            #expect(try await manager.get(meetingPath).text.contains("Quorum met: 2 of ours and 2 of the partner"))
            try await manager.get(meetingPath)
            #expect(try await manager.post(meetingPath + "/attendance", ["attendee": UUID().uuidString]).status == .unprocessableContent)
            try await manager.get(meetingPath)
            #expect(
                try await manager.post(meetingPath + "/minutes", ["status": "approved", "minutes": ""]).status == .unprocessableContent)
            try await manager.get(meetingPath)
            #expect(
                try await manager.post(meetingPath + "/minutes", ["status": "approved", "minutes": "Agreed.", "version": "1"]).status
                    == .seeOther)
            #expect(try await manager.get(meetingPath).text.contains("Agreed."))

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(meetingPath).status == .notFound)  // not the partner user's alliance
        }
    }
}

@Suite struct DecisionPagesTests {
    @Test(arguments: WebHarness.databases)
    func votesDeadlockAndTheEscalationClockRuns(_ database: String) async throws {
        let clock = TestClock()
        try await WebHarness.run(database: database, clock: clock) { h in
            let alliance = try await h.alliance(named: "Pampas gene therapy")
            let path = "/alliances/\(alliance.id.uuidString.lowercased())/governance"
            let jsc = try await h.store.governance.bodies(allianceID: alliance.id).first { $0.name == "Joint steering committee" }!
            let members = try await h.store.governance.members(bodyIDs: [jsc.id])[jsc.id]!
            let earlier = try await h.store.governance.meetings(bodyIDs: [jsc.id]).first { $0.date < LocalDate(date: clock.now) }!
            let today = LocalDate(date: clock.now)
            let meeting = try await h.store.governance.scheduleMeeting(
                jsc,
                MeetingInput.Valid(
                    title: "Extraordinary JSC", date: today, startMinute: 0, location: nil, agenda: ["Second site"],
                    noticeOverride: "The vote on the second site"), by: .system)
            try await h.store.governance.setAttendance(meeting.id, personIDs: Set(members.map(\.personID)), today: today, by: .system)
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            try await manager.get(path)
            let untitled = try await manager.post(path + "/\(jsc.id.uuidString.lowercased())/decisions", ["title": ""])
            #expect(untitled.status == .unprocessableContent && untitled.text.contains("Decision is required."))
            try await manager.get(path)
            let proposed = try await manager.post(
                path + "/\(jsc.id.uuidString.lowercased())/decisions", ["title": "Add a second manufacturing site", "details": "Capacity"])
            #expect(proposed.status == .seeOther)
            let decisionPath = proposed.location!.components(separatedBy: "?")[0]
            let before = try await h.auditCount()

            // A vote by someone outside the body is refused; so is a meeting of another body.
            try await manager.get(decisionPath)
            let outsider = try await manager.post(
                decisionPath + "/votes", ["meetingID": meeting.id.uuidString, "vote.\(UUID().uuidString)": "approve"])
            #expect(outsider.status == .unprocessableContent && outsider.text.contains("Only voting members"))
            try await manager.get(decisionPath)
            #expect(try await manager.post(decisionPath + "/votes", ["meetingID": UUID().uuidString]).status == .unprocessableContent)
            #expect(try await h.auditCount() == before)

            // Our side approves, the partner rejects: one vote per party deadlocks and step 1 starts.
            var form = ["meetingID": earlier.id.uuidString]
            for member in members where member.role.isVoting {
                form["vote.\(member.personID.uuidString.lowercased())"] = member.side == .ours ? "approve" : "reject"
            }
            // A meeting held before the proposal is refused, and the form comes back with every vote still chosen.
            try await manager.get(decisionPath)
            let tooEarly = try await manager.post(decisionPath + "/votes", form)
            #expect(tooEarly.status == .unprocessableContent && tooEarly.text.contains("before this decision was proposed"))
            #expect(!tooEarly.text.contains(earlier.id.uuidString.lowercased()))  // no longer offered
            let kept = members.filter(\.role.isVoting).map { $0.side == .ours ? "approve" : "reject" }
            #expect(tooEarly.text.components(separatedBy: "\" selected>").count - 1 >= kept.count)
            #expect(try await h.auditCount() == before)
            form["meetingID"] = meeting.id.uuidString
            try await manager.get(decisionPath)
            #expect(try await manager.post(decisionPath + "/votes", form).status == .seeOther)
            let escalated = try await manager.get(decisionPath)
            #expect(escalated.text.contains(">Escalated<") && escalated.text.contains("15 days left"))

            // Sixteen days later the step is overdue on the decision and on the governance page.
            clock.advance(days: 16)
            try await manager.signIn("manager@accord.example")  // the session expired with the clock
            let late = try await manager.get(decisionPath)
            #expect(late.text.contains("1 day overdue") && late.text.contains("Overdue"))
            #expect(try await manager.get(path).text.contains("is overdue at escalation step 1 (Alliance managers)"))
            try await manager.get(decisionPath)
            #expect(try await manager.post(decisionPath + "/status", ["status": "escalated"]).status == .seeOther)
            #expect(try await manager.get(decisionPath).text.contains("30 days left"))
            try await manager.get(decisionPath)
            #expect(try await manager.post(decisionPath + "/status", ["status": "escalated"]).status == .conflict)  // top of the ladder
            try await manager.get(decisionPath)
            #expect(try await manager.post(decisionPath + "/status", ["status": "resolved"]).status == .seeOther)
            #expect(try await manager.get(decisionPath).text.contains(">Resolved<"))

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get(decisionPath).status == .notFound)
        }
    }
}

@Suite struct ActionItemPagesTests {
    @Test(arguments: WebHarness.databases)
    func actionItemsFromMeetingsAndDecisionsAndMyActions(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let alliance = try await h.alliance(named: "Kanto Japan")
            let path = "/alliances/\(alliance.id.uuidString.lowercased())/governance"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path)
            #expect(page.text.contains("Circulate the revised supply forecast") && page.text.contains("Overdue"))
            let before = try await h.auditCount()
            let bad = try await manager.post(
                "/alliances/\(alliance.id.uuidString.lowercased())/actions",
                [
                    "title": "", "ownerID": UUID().uuidString, "dueOn": "someday", "source": "meeting:\(UUID().uuidString)",
                    "status": "maybe",
                ])
            #expect(bad.status == .unprocessableContent)
            for message in [
                "Action is required.", "Owner must be on the alliance", "Due date", "must come from a meeting or decision", "Status",
            ] {
                #expect(bad.text.contains(message), "\(message)")
            }
            #expect(try await h.auditCount() == before)

            let owner = try await h.store.alliances.members(of: alliance.id).first { $0.side == .partner }!.personID
            let decision = try await h.store.governance.decisions(
                bodyIDs: try await h.store.governance.bodies(allianceID: alliance.id).map(\.id)
            )
            .first { $0.status == .escalated }!
            try await manager.get(path)
            let added = try await manager.post(
                "/alliances/\(alliance.id.uuidString.lowercased())/actions",
                [
                    "title": "Model the Q3 launch volumes", "ownerID": owner.uuidString, "dueOn": "2099-01-15",
                    "source": "decision:\(decision.id.uuidString)",
                ])
            #expect(added.status == .seeOther)
            let item = try await h.store.governance.actionItems(allianceID: alliance.id).first {
                $0.title == "Model the Q3 launch volumes"
            }!
            #expect(item.decisionID == decision.id && item.status == .planned)
            try await manager.get(path)
            let done = try await manager.post(
                "/alliances/\(alliance.id.uuidString.lowercased())/actions/\(item.id)",
                [
                    "title": item.title, "ownerID": owner.uuidString, "dueOn": "2099-01-15", "source": "decision:\(decision.id.uuidString)",
                    "status": "done", "version": "1",
                ])
            #expect(done.status == .seeOther)
            #expect(try await h.store.governance.actionItem(id: item.id)?.status == .done)

            let mine = try await manager.get("/my/actions")
            #expect(mine.status == .ok && mine.text.contains("Prepare launch-timing options") && mine.text.contains("Brief our sponsor"))
            #expect(!mine.text.contains("Model the Q3 launch volumes"))  // owned by someone else

            // Partner users see shared items on their alliances only; internal ones never.
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let theirs = try await partner.get("/my/actions")
            #expect(theirs.status == .ok && !theirs.text.contains("Brief our sponsor"))
        }
    }
}
