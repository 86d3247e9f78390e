import AccordCore
import Foundation

/// JSON shapes of the obligations API. Amounts are decimal strings ("1250000.00") in the obligation's currency.
extension APIModels {
    struct OccurrenceModel: Encodable {
        let index: Int
        let dueOn: String
        let state: String
        let overdue: Bool
        @Null var executedAmount: String?
        @Null var executedOn: String?
        @Null var note: String?

        init(_ o: Occurrence, today: LocalDate) {
            (index, dueOn, state, overdue) = (o.index, o.dueOn.description, o.state.rawValue, o.isOverdue(on: today))
            executedAmount = o.execution?.executedAmount.map { Money.plain($0.hundredths) }
            executedOn = o.execution?.executedOn?.description
            note = o.execution?.note
        }
    }

    struct ObligationModel: Encodable {
        let id: UUID
        let allianceId: UUID
        let title: String
        let kind: String
        let direction: String
        @Null var dueOn: String?
        @Null var triggerId: UUID?
        @Null var offsetDays: Int?
        let recurrence: String
        @Null var recursUntil: String?
        let openEnded: Bool
        @Null var amount: String?
        @Null var currency: String?
        @Null var notes: String?
        let visibility: String
        let occurrences: [OccurrenceModel]
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ o: Obligation, occurrences: [Occurrence], today: LocalDate) {
            (id, allianceId, title, kind, direction) = (o.id, o.allianceID, o.title, o.kind.rawValue, o.direction.rawValue)
            switch o.due {
            case .fixed(let date): dueOn = date.description
            case .afterTrigger(let trigger, let days):
                triggerId = trigger
                offsetDays = days
            }
            (recurrence, openEnded, visibility) = (o.recurrence.rawValue, o.openEnded, o.visibility.rawValue)
            recursUntil = o.recursUntil?.description
            amount = o.amount.map { Money.plain($0.hundredths) }
            currency = o.currency
            notes = o.notes
            self.occurrences = occurrences.filter { $0.obligation.id == o.id }.map { OccurrenceModel($0, today: today) }
            (version, createdAt, updatedAt) = (o.version, o.createdAt, o.updatedAt)
        }
    }

    struct TriggerModel: Encodable {
        let id: UUID
        let allianceId: UUID
        let name: String
        @Null var occurredOn: String?
        let version: Int
        let createdAt: Date

        init(_ t: TriggerEvent) {
            (id, allianceId, name, version, createdAt) = (t.id, t.allianceID, t.name, t.version, t.createdAt)
            occurredOn = t.occurredOn?.description
        }
    }
}
