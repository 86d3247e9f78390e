import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The governance API: bodies and charters, members, meetings with the notice rule, attendance and quorum, votes
/// that deadlock onto the escalation ladder, action items, and what partner users may see.
@Suite struct APIGovernanceTests {
    @Test(arguments: WebHarness.databases)
    func bodiesMeetingsVotesAndActions(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let api = try await APIClient.forUser(h, "manager@accord.example")
            let alliance = try await h.alliance(named: "Kanto Japan")
            let base = "/api/v1/alliances/\(alliance.id)/governance"
            let bodies = try await api.get(base + "/bodies")
            #expect(bodies.status == .ok && bodies.items.count == 2)
            let jcc = bodies.items.first { $0["name"] as? String == "Joint commercialization committee" }!
            #expect((jcc["warnings"] as! [[String: Any]]).contains { $0["kind"] as? String == "parity" })
            let jsc = bodies.items.first { $0["name"] as? String == "Joint steering committee" }!
            let jscID = jsc["id"] as! String
            #expect((jsc["charter"] as! [String: Any])["decisionRule"] as? String == "one_per_party")

            // Bad bodies: every field named, nothing written.
            let before = try await h.auditCount()
            let bad = try await api.send(
                .post, base + "/bodies",
                json: ["name": "", "kind": "council", "minMembersPerParty": "two", "escalation": [["decidedBy": "CEOs", "days": 0]]])
            #expect(bad.status == .unprocessableContent && Set(bad.errorFields) == ["minMembersPerParty"])
            let invalid = try await api.send(
                .post, base + "/bodies", json: ["name": "", "kind": "council", "escalation": [["decidedBy": "CEOs", "days": 0]]])
            #expect(Set(invalid.errorFields) == ["name", "kind", "decisionRule", "escalation.1"])
            #expect(
                try await api.send(
                    .post, base + "/bodies", json: ["name": "X", "kind": "other", "decisionRule": "majority", "colour": "red"]
                )
                .status
                    == .unprocessableContent)
            #expect(try await h.auditCount() == before)

            let created = try await api.send(
                .post, base + "/bodies",
                json: [
                    "name": "Joint manufacturing committee", "kind": "manufacturing_committee", "parentId": jscID, "maxMembersPerParty": 1,
                    "decisionRule": "majority", "escalation": [["decidedBy": "Joint steering committee", "days": 20, "finalSay": "ours"]],
                ])
            #expect(created.status == .created && created.object["parentId"] as? String == jscID)
            let jmc = "\(base)/bodies/\(created.object["id"] as! String)"
            let change: [String: Any] = [
                "name": "Joint supply committee", "kind": "manufacturing_committee", "maxMembersPerParty": 1, "decisionRule": "majority",
            ]
            #expect(try await api.send(.put, jmc, json: change).errorFields == ["version"])
            #expect(try await api.send(.put, jmc, json: change.merging(["version": 7]) { $1 }).status == .conflict)
            let renamed = try await api.send(.put, jmc, json: change.merging(["version": 1]) { $1 })
            #expect(renamed.status == .ok && renamed.object["name"] as? String == "Joint supply committee")

            // Members: from the team only, and never above the charter's maximum.
            let team = try await h.store.alliances.members(of: alliance.id)
            let ours = team.filter { $0.side == .ours }.map(\.personID.uuidString)
            #expect(
                try await api.send(.post, jmc + "/members", json: ["personId": UUID().uuidString, "role": "member"]).errorFields
                    == ["personId"])
            let seated = try await api.send(.post, jmc + "/members", json: ["personId": ours[0], "role": "chair"])
            #expect(seated.status == .created && seated.object["side"] as? String == "ours")
            let full = try await api.send(.post, jmc + "/members", json: ["personId": ours[1], "role": "member"])
            #expect(full.status == .unprocessableContent || full.status == .conflict)
            #expect(try await api.send(.delete, jmc + "/members/\(seated.object["id"] as! String)").status == .noContent)

            // Meetings: notice period, and nothing recorded before the meeting day.
            let soon = LocalDate(date: Date()).adding(days: 5).description
            let refused = try await api.send(.post, "\(base)/bodies/\(jscID)/meetings", json: ["title": "Urgent JSC", "date": soon])
            #expect(refused.errorFields == ["noticeOverride"])
            let urgent = try await api.send(
                .post, "\(base)/bodies/\(jscID)/meetings",
                json: ["title": "Urgent JSC", "date": soon, "time": "08:30", "agenda": ["Supply"], "noticeOverride": "Shortfall"])
            #expect(urgent.status == .created && urgent.object["quorumMet"] as? Bool == false)
            let members = try await h.store.governance.members(bodyIDs: [UUID(uuidString: jscID)!])[UUID(uuidString: jscID)!]!
            let everyone = members.map(\.personID.uuidString)
            let early = try await api.send(
                .put, "\(base)/meetings/\(urgent.object["id"] as! String)/attendance", json: ["personIds": everyone])
            #expect(early.status == .unprocessableContent && early.errorFields == ["attendees"])

            let held = try await api.get(base + "/meetings").items.first { ($0["date"] as! String) < soon }!
            let heldPath = "\(base)/meetings/\(held["id"] as! String)"
            let attended = try await api.send(.put, heldPath + "/attendance", json: ["personIds": everyone])
            #expect(attended.status == .ok && attended.object["quorumMet"] as? Bool == true)
            #expect(
                try await api.send(.put, heldPath + "/minutes", json: ["minutes": "Changed", "status": "draft", "version": 3]).status
                    == .conflict)

            // Decisions: votes from members who attended; a split deadlocks onto the ladder.
            let proposed = try await api.send(.post, "\(base)/bodies/\(jscID)/decisions", json: ["title": "Split the launch"])
            #expect(proposed.status == .created && proposed.object["status"] as? String == "proposed")
            #expect(proposed.object["details"] is NSNull && proposed.object["escalation"] is NSNull)
            let decision = "\(base)/decisions/\(proposed.object["id"] as! String)"
            let split = members.filter(\.role.isVoting).map {
                ["personId": $0.personID.uuidString, "vote": $0.side == .ours ? "approve" : "reject"]
            }
            // The held meeting was before the proposal, so its votes cannot be this decision's.
            let earlier = try await api.send(.post, decision + "/votes", json: ["meetingId": held["id"]!, "votes": split])
            #expect(earlier.status == .unprocessableContent && earlier.errorFields == ["meetingId"])
            let extraordinary = try await api.send(
                .post, "\(base)/bodies/\(jscID)/meetings",
                json: [
                    "title": "Extraordinary JSC", "date": LocalDate(date: Date()).description, "time": "00:00",
                    "noticeOverride": "The vote",
                ])
            let voting = extraordinary.object["id"] as! String
            #expect(try await api.send(.put, "\(base)/meetings/\(voting)/attendance", json: ["personIds": everyone]).status == .ok)
            let outsider = try await api.send(
                .post, decision + "/votes",
                json: ["meetingId": voting, "votes": [["personId": UUID().uuidString, "vote": "approve"]]])
            #expect(outsider.status == .unprocessableContent && outsider.errorFields == ["votes"])
            let voted = try await api.send(.post, decision + "/votes", json: ["meetingId": voting, "votes": split])
            #expect(voted.status == .ok && voted.object["status"] as? String == "escalated")
            let clock = voted.object["escalation"] as! [String: Any]
            #expect(
                clock["step"] as? Int == 1 && clock["decidedBy"] as? String == "Alliance managers" && clock["overdue"] as? Bool == false)
            #expect((voted.object["votes"] as! [Any]).count == split.count)
            let next = try await api.send(.post, decision + "/status", json: ["status": "escalated"])
            #expect((next.object["escalation"] as! [String: Any])["decidedBy"] as? String == "Chief executives")
            #expect(try await api.send(.post, decision + "/status", json: ["status": "approved"]).errorFields == ["status"])
            #expect(try await api.get(base + "/decisions").items.contains { $0["status"] as? String == "escalated" })

            // Action items.
            let both = try await api.send(
                .post, base + "/actions",
                json: [
                    "title": "Options paper", "ownerId": ours[0], "dueOn": "2027-01-15", "meetingId": held["id"]!,
                    "decisionId": proposed.object["id"]!,
                ])
            #expect(both.errorFields == ["decisionId"])
            let foreign = try await api.send(
                .post, base + "/actions",
                json: ["title": "Options paper", "ownerId": ours[0], "dueOn": "2027-01-15", "meetingId": UUID().uuidString])
            #expect(foreign.errorFields == ["meetingId"])
            let item = try await api.send(
                .post, base + "/actions",
                json: ["title": "Options paper", "ownerId": ours[0], "dueOn": "2027-01-15", "decisionId": proposed.object["id"]!])
            #expect(
                item.status == .created && item.object["status"] as? String == "planned" && item.object["visibility"] as? String == "shared"
            )
            let done = try await api.send(
                .put, "\(base)/actions/\(item.object["id"] as! String)",
                json: ["title": "Options paper", "ownerId": ours[0], "dueOn": "2027-01-15", "status": "done", "version": 1])
            #expect(done.status == .ok && done.object["status"] as? String == "done")
            #expect(try await api.get(base + "/actions").items.contains { $0["overdue"] as? Bool == true })
            #expect(try await h.store.audit.verify().intact)
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnersSeeSharedGovernanceOfTheirAlliancesOnly(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let mine = try await h.alliance(named: "HX-201")
            let shared = try await h.store.governance.createBody(
                allianceID: mine.id, try BodyInput(name: "Joint research committee", kind: "other", decisionRule: "majority").validate(),
                by: .system)
            let secret = try await h.store.governance.createBody(
                allianceID: mine.id,
                try BodyInput(name: "Our deal team", kind: "other", visibility: "internal", decisionRule: "majority").validate(),
                by: .system)
            let team = try await h.store.alliances.members(of: mine.id)
            let owner = team.first { $0.side == .partner }!.personID
            for (title, visibility) in [("Shared follow-up", Visibility.shared), ("Our negotiation notes", .internal)] {
                _ = try await h.store.governance.createActionItem(
                    allianceID: mine.id,
                    ActionItemInput.Valid(
                        title: title, ownerID: owner, dueOn: LocalDate("2027-01-10")!, status: .planned, meetingID: nil, decisionID: nil,
                        visibility: visibility), by: .system)
            }
            let api = try await APIClient.forUser(h, "partner@accord.example")
            let base = "/api/v1/alliances/\(mine.id)/governance"
            let names = try await api.get(base + "/bodies").items.compactMap { $0["name"] as? String }
            #expect(names == ["Joint research committee"])
            #expect(try await api.get("\(base)/bodies/\(shared.id)").status == .ok)
            #expect(try await api.get("\(base)/bodies/\(secret.id)").status == .notFound)
            #expect(try await api.get(base + "/actions").items.compactMap { $0["title"] as? String } == ["Shared follow-up"])
            let proposal = try await api.send(.post, "\(base)/bodies/\(shared.id)/decisions", json: ["title": "More budget"])
            #expect(proposal.status == .forbidden)
            #expect(
                try await api.send(.post, base + "/bodies", json: ["name": "X", "kind": "other", "decisionRule": "majority"]).status
                    == .forbidden)
            let other = try await h.alliance(named: "Kanto Japan")
            #expect(try await api.get("/api/v1/alliances/\(other.id)/governance/bodies").status == .notFound)
        }
    }
}
