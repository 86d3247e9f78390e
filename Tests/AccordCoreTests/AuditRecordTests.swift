import AccordCore
import Foundation
import Testing

@Suite struct AuditRecordTests {
    let change = AuditChange(
        entity: "alliance", entityID: UUID(), allianceID: nil, action: .update, before: #"{"name":"A"}"#, after: #"{"name":"B"}"#)

    @Test func canonicalTextCoversEveryField() {
        let at = Date(timeIntervalSince1970: 1_795_000_000.123)
        let base = AuditRecord.canonicalText(sequence: 1, at: at, actorID: nil, actorName: "x", change: change, previousHash: "0")
        var other = change
        other.after = #"{"name":"C"}"#
        #expect(base != AuditRecord.canonicalText(sequence: 1, at: at, actorID: nil, actorName: "x", change: other, previousHash: "0"))
        #expect(base != AuditRecord.canonicalText(sequence: 2, at: at, actorID: nil, actorName: "x", change: change, previousHash: "0"))
        #expect(base != AuditRecord.canonicalText(sequence: 1, at: at, actorID: nil, actorName: "y", change: change, previousHash: "0"))
        #expect(base != AuditRecord.canonicalText(sequence: 1, at: at, actorID: nil, actorName: "x", change: change, previousHash: "1"))
    }

    @Test func fieldsCannotRunTogether() {
        let a = AuditRecord.canonicalText(
            sequence: 1, at: Date(timeIntervalSince1970: 0), actorID: nil, actorName: "ab", change: change, previousHash: "c")
        let b = AuditRecord.canonicalText(
            sequence: 1, at: Date(timeIntervalSince1970: 0), actorID: nil, actorName: "a", change: change, previousHash: "bc")
        #expect(a != b)
    }

    @Test func changedFieldsIgnoreBookkeeping() {
        let changes = FieldChange.between(#"{"name":"A","version":1,"tier":"tier_1"}"#, #"{"name":"B","version":2,"tier":"tier_1"}"#)
        #expect(changes == [FieldChange(field: "name", before: "A", after: "B")])
    }

    @Test func snapshotsAreStable() {
        struct Row: Encodable {
            let b = 2
            let a = "x/y"
        }
        #expect(AuditChange.snapshot(Row()) == #"{"a":"x/y","b":2}"#)
    }
}
