import AccordCore
import Foundation
import Testing

@Suite struct ObligationImportTests {
    @Test func csvFieldsQuotesAndLineEnds() throws {
        let records = try CSV.parse("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(throws: CSV.Malformed.self) { try CSV.parse("a,b\n\"open,x\n") }
        #expect(throws: CSV.Malformed.self) { try CSV.parse("a,b\nx\"y,z\n") }
        #expect(throws: CSV.Malformed.self) { try CSV.parse("a,b\n\"x\"y,z\n") }
    }

    @Test func everyRowIsCheckedAndProblemsNameRowAndColumn() {
        let sale = TriggerEvent(
            id: UUID(), allianceID: UUID(), name: "First commercial sale", occurredOn: nil, version: 1, createdAt: Date())
        let good = """
            title,kind,direction,due_on,trigger,offset_days,recurrence,recurs_until,open_ended,amount,currency
            Upfront,upfront,incoming,2027-01-15,,,once,,,"5,000,000",usd
            Sales milestone,milestone,incoming,,first commercial sale,60,,,,1000000,EUR
            Royalty report,report,joint,2027-03-31,,,quarterly,,yes,,
            """
        let ok = ObligationImport.validate(good, triggers: [sale])
        #expect(ok.problems.isEmpty && ok.valid.count == 3)
        #expect(
            ok.valid[0].amount == Money(hundredths: 500_000_000, currency: "USD") && ok.valid[1].due == .afterTrigger(sale.id, days: 60))
        #expect(ok.valid[2].openEnded)

        let bad = """
            title,kind,direction,due_on,trigger,offset_days,amount,currency
            ,upfront,incoming,2027-01-15,,,-5,USD
            Milestone,milestone,incoming,,Approval,30,100,EUR
            Fee,upfront,incoming,2027-13-01,,,100
            """
        let result = ObligationImport.validate(bad, triggers: [sale])
        #expect(result.valid.isEmpty)
        #expect(result.problems.map { "\($0.row):\($0.field)" } == ["2:title", "2:amount", "3:trigger", "4:csv"])
        let header = ObligationImport.validate("title,colour\nx,red\n", triggers: [])
        #expect(header.problems.map(\.field) == ["colour", "direction", "kind"])
        #expect(
            ObligationImport.validate("", triggers: []).problems.map(\.message) == ["The CSV is empty; the first row names the columns."])
        #expect(ObligationImport.validate("title,kind,direction\n\"x,upfront\n", triggers: []).problems.first?.field == "csv")
    }
}
