import AccordCore
import Foundation

/// JSON shapes of the obligations API. Amounts are decimal strings ("1250000.00") in the obligation's currency.
extension APIModels {
    struct OccurrenceModel: Encodable, APIShaped {
        let index: Int
        let dueOn: LocalDate
        let state: ExecutionState
        let overdue: Bool
        @Null var executedAmount: String?
        @Null var executedOn: LocalDate?
        @Null var note: String?

        init(_ o: Occurrence, today: LocalDate) {
            (index, dueOn, state, overdue) = (o.index, o.dueOn, o.state, o.isOverdue(on: today))
            executedAmount = o.execution?.executedAmount.map { Money.plain($0.hundredths) }
            executedOn = o.execution?.executedOn
            note = o.execution?.note
        }
    }

    struct ObligationModel: Encodable, APIShaped {
        static let schemaName: String? = "Obligation"
        static let fieldNotes: [String: APIFieldNote] = [
            "occurrences": .about("Dated occurrences up to 36 months ahead; empty while the trigger has no date")
        ]
        let id: UUID
        let allianceId: UUID
        let title: String
        let kind: ObligationKind
        let direction: ObligationDirection
        @Null var dueOn: LocalDate?
        @Null var triggerId: UUID?
        @Null var offsetDays: Int?
        let recurrence: Recurrence
        @Null var recursUntil: LocalDate?
        let openEnded: Bool
        @Null var amount: String?
        @Null var currency: String?
        @Null var notes: String?
        let visibility: Visibility
        let occurrences: [OccurrenceModel]
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ o: Obligation, occurrences: [Occurrence], today: LocalDate) {
            (id, allianceId, title, kind, direction) = (o.id, o.allianceID, o.title, o.kind, o.direction)
            switch o.due {
            case .fixed(let date): dueOn = date
            case .afterTrigger(let trigger, let days):
                triggerId = trigger
                offsetDays = days
            }
            (recurrence, openEnded, visibility) = (o.recurrence, o.openEnded, o.visibility)
            recursUntil = o.recursUntil
            amount = o.amount.map { Money.plain($0.hundredths) }
            currency = o.currency
            notes = o.notes
            self.occurrences = occurrences.filter { $0.obligation.id == o.id }.map { OccurrenceModel($0, today: today) }
            (version, createdAt, updatedAt) = (o.version, o.createdAt, o.updatedAt)
        }
    }

    struct TriggerModel: Encodable, APIShaped {
        static let schemaName: String? = "Trigger"
        let id: UUID
        let allianceId: UUID
        let name: String
        @Null var occurredOn: LocalDate?
        let version: Int
        let createdAt: Date

        init(_ t: TriggerEvent) {
            (id, allianceId, name, version, createdAt) = (t.id, t.allianceID, t.name, t.version, t.createdAt)
            occurredOn = t.occurredOn
        }
    }
}
