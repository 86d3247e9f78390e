import AccordCore
import AccordStore
import AccordWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The obligations page: adding obligations (and refusing bad ones), trigger dates that move due dates, recording
/// partial and full execution, and what partner users see.
@Suite struct ObligationPagesTests {
    @Test(arguments: WebHarness.databases)
    func triggersMoveDueDatesAndPaymentsArePartlyExecuted(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let pampas = try await h.alliance(named: "Pampas gene therapy")
            let path = "/alliances/\(pampas.id.uuidString.lowercased())/obligations"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let page = try await manager.get(path)
            #expect(page.status == .ok && page.text.contains("IND clearance milestone") && page.text.contains("Waiting for an event"))
            #expect(page.text.contains("First patient dosed milestone</a>: due 45 days after First patient dosed"))

            // Bad obligations are refused field by field and write nothing.
            let before = try await h.auditCount()
            try await manager.get(path + "/new")
            let bad = try await manager.post(
                path,
                [
                    "title": "", "kind": "milestone", "direction": "incoming", "dueMode": "trigger", "amount": "-5", "currency": "XYZ",
                    "recurrence": "once", "openEnded": "no",
                ])
            #expect(bad.status == .unprocessableContent)
            for message in ["Title is required.", "needs its trigger event", "Amount must be a non-negative number", "ISO 4217"] {
                #expect(bad.text.contains(message), "\(message)")
            }
            try await manager.get(path + "/new")
            let endless = try await manager.post(
                path, ["title": "Report", "kind": "report", "direction": "joint", "dueOn": "2027-01-01", "recurrence": "monthly"])
            #expect(endless.status == .unprocessableContent && endless.text.contains("say that it has none"))
            #expect(try await h.auditCount() == before)

            // A milestone 30 days after a new event: waiting until the event is dated, then due, then moved.
            try await manager.get(path)
            #expect(
                try await manager.post(path.replacingOccurrences(of: "/obligations", with: "/triggers"), ["name": "Phase 2 start"])
                    .status == .seeOther)
            let event = try await h.store.obligations.triggers(allianceID: pampas.id).first { $0.name == "Phase 2 start" }!
            try await manager.get(path + "/new")
            let added = try await manager.post(
                path,
                [
                    "title": "Phase 2 start milestone", "kind": "milestone", "direction": "outgoing", "dueMode": "trigger",
                    "triggerID": event.id.uuidString, "offsetDays": "30", "amount": "7,500,000", "currency": "USD", "recurrence": "once",
                    "openEnded": "no", "visibility": "shared",
                ])
            #expect(added.status == .seeOther)
            #expect(try await manager.get(path).text.contains("Phase 2 start milestone</a>: due 30 days after Phase 2 start"))
            let triggerPath = path.replacingOccurrences(of: "/obligations", with: "/triggers/\(event.id.uuidString.lowercased())")
            let dated = try await manager.post(triggerPath, ["name": "Phase 2 start", "occurredOn": "2027-02-01", "version": "1"])
            #expect(dated.status == .seeOther)
            #expect(try await manager.get(path).text.contains("2027-03-03"))
            let moved = try await manager.post(triggerPath, ["name": "Phase 2 start", "occurredOn": "2027-04-01", "version": "2"])
            #expect(moved.status == .seeOther)
            let after = try await manager.get(path).text
            #expect(after.contains("2027-05-01") && !after.contains("2027-03-03"))
            try await manager.get(path)
            #expect(
                try await manager.post(triggerPath, ["name": "Phase 2 start", "occurredOn": "2027-05-01", "version": "2"]).status
                    == .conflict)

            // The overdue IND milestone: a partial payment, then a refused "partial" of the whole amount.
            let ind = try await h.store.obligations.obligations(allianceID: pampas.id).first { $0.title == "IND clearance milestone" }!
            let record = path + "/\(ind.id.uuidString.lowercased())/occurrences/0"
            try await manager.get(path)
            let paid = try await manager.post(
                record, ["state": "partly_executed", "executedAmount": "3,000,000", "executedOn": "2026-01-05"])
            #expect(paid.status == .seeOther)
            #expect(try await manager.get(path).text.contains("USD 3,000,000.00 on 2026-01-05"))
            let whole = try await manager.post(
                record, ["state": "partly_executed", "executedAmount": "5,000,000", "executedOn": "2026-01-05"])
            #expect(whole.status == .unprocessableContent && whole.text.contains("mark it fully executed"))
            try await manager.get(path)
            #expect(
                try await manager.post(path + "/\(ind.id.uuidString.lowercased())/occurrences/9", ["state": "fully_executed"]).status
                    == .unprocessableContent)
            #expect(try await h.store.audit.verify().intact)
        }
    }

    @Test(arguments: WebHarness.databases)
    func partnersSeeSharedObligationsOfTheirAlliancesOnly(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let mine = try await h.teamAlliance()
            let kanto = try await h.outsiderAlliance()
            for (title, visibility) in [("Research funding", "shared"), ("Our budget review", "internal")] {
                _ = try await h.store.obligations.createObligation(
                    allianceID: mine.id,
                    try ObligationInput(title: title, kind: "other", direction: "outgoing", dueOn: "2027-01-10", visibility: visibility)
                        .validate(triggers: []), by: .system)
            }
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let path = "/alliances/\(mine.id.uuidString.lowercased())/obligations"
            let page = try await partner.get(path)
            #expect(page.status == .ok && page.text.contains("Research funding") && !page.text.contains("Our budget review"))
            #expect(!page.text.contains("New obligation") && !page.text.contains("Record date"))
            #expect(try await partner.post(path, ["title": "x"]).status == .forbidden)
            #expect(try await partner.get("/alliances/\(kanto.id.uuidString.lowercased())/obligations").status == .notFound)
        }
    }
}

@Suite struct ObligationPortfolioPagesTests {
    @Test(arguments: WebHarness.databases)
    func overdueUpcomingAndMoneyByQuarterAsEachUserMaySee(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let exec = h.browser()
            try await exec.signIn("exec@accord.example")
            let page = try await exec.get("/obligations")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("IND clearance milestone") && text.contains("170 days late"))
            #expect(text.contains("Royalties on net sales") && text.contains("Brief our board on the Kanto renewal"))
            #expect(text.contains("180,000,000.00") && text.contains("(this quarter)"))

            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            let theirs = try await partner.get("/obligations").text
            #expect(theirs.contains("Research funding") && !theirs.contains("IND clearance milestone"))
            #expect(!theirs.contains("Brief our board"))
        }
    }
}

@Suite struct ObligationImportPagesTests {
    @Test(arguments: WebHarness.databases)
    func importsEveryRowOrNoneWithAReport(_ database: String) async throws {
        try await WebHarness.run(database: database, fixture: .accounts) { h in
            let meridian = try await h.makeAlliance("Biologics supply", manager: try await h.accountPerson("manager"))
            let mine = try await h.teamAlliance()
            let path = "/alliances/\(meridian.id.uuidString.lowercased())/obligations/import"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            #expect(try await manager.get(path).text.contains("title,kind,direction"))
            let before = try await h.store.obligations.obligations(allianceID: meridian.id).count
            let audit = try await h.auditCount()
            let bad = try await manager.post(
                path,
                [
                    "csv":
                        "title,kind,direction,due_on,amount,currency\nBatch fee,upfront,incoming,2027-01-15,abc,USD\nReport,report,joint,,,\n"
                ])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Nothing was imported: 2 problems"))
            #expect(
                bad.text.contains("<td>2</td><td><code>amount</code></td>") && bad.text.contains("<td>3</td><td><code>due_on</code></td>"))
            #expect(try await h.auditCount() == audit)
            let good = try await manager.post(
                path,
                [
                    "csv":
                        "title,kind,direction,due_on,amount,currency\nBatch fee,upfront,incoming,2027-01-15,\"12,500\",USD\nReport,report,joint,2027-02-01,,\n"
                ])
            #expect(good.status == .seeOther && good.location?.contains("obligations-imported-2") == true)
            #expect(try await manager.get(good.location!).text.contains("2 obligations imported."))
            #expect(try await h.store.obligations.obligations(allianceID: meridian.id).count == before + 2)
            let partner = h.browser()
            try await partner.signIn("partner@accord.example")
            #expect(try await partner.get("/alliances/\(mine.id.uuidString.lowercased())/obligations/import").status == .forbidden)
        }
    }
}

@Suite struct ReminderPagesTests {
    @Test(arguments: WebHarness.databases)
    func remindersReachTheirRecipientsOnce(_ database: String) async throws {
        try await WebHarness.run(database: database) { h in
            let kanto = try await h.alliance(named: "Kanto Japan")
            let item = try await h.store.obligations.obligations(allianceID: kanto.id).first {
                $0.title == "Annual joint commercialization plan"
            }!
            let path = "/alliances/\(kanto.id.uuidString.lowercased())/obligations/\(item.id.uuidString.lowercased())/reminders"
            let manager = h.browser()
            try await manager.signIn("manager@accord.example")
            let dana = try await h.store.users.find(email: "manager@accord.example")!.personID!
            #expect(try await manager.get(path).text.contains("Who is reminded"))
            let bad = try await manager.post(path, ["recipient": dana.uuidString, "leadDays": "soon"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Lead times are whole numbers"))
            try await manager.get(path)
            // The plan is due in 45 days: a 45-day lead time makes the reminder due today.
            #expect(try await manager.post(path, ["recipient": dana.uuidString, "leadDays": "45, 7"]).status == .seeOther)
            #expect(try await manager.get("/alliances/\(kanto.id.uuidString.lowercased())/obligations").text.contains("Reminders on"))
            let services = try #require(h.services)
            #expect(try await ReminderService(services).send() == 1)
            #expect(try await ReminderService(services).send() == 0)
            let mine = try await manager.get("/my/actions").text
            #expect(mine.contains("Due in 45 days: Annual joint commercialization plan") && mine.contains("Mark all read"))
            #expect(try await manager.post("/my/notifications/read", [:]).status == .seeOther)
            #expect(!(try await manager.get("/my/actions").text.contains("Mark all read")))
        }
    }
}
