import AccordCore
import Foundation

/// Turns audit records of an alliance into lines people read: field labels instead of keys,
/// names instead of ids, labels instead of codes.
struct AllianceHistory {
    let names: [UUID: String]

    static let labels: [String: String] = [
        "name": "Name", "partnerID": "Partner", "type": "Type", "status": "Status", "phase": "Phase", "transition": "Transition",
        "tier": "Strategic tier", "ourSponsorID": "Our executive sponsor", "ourManagerID": "Our alliance manager",
        "partnerSponsorID": "Partner executive sponsor", "partnerManagerID": "Partner alliance manager", "products": "Products and assets",
        "territories": "Territories", "effectiveDate": "Effective date", "termEndDate": "Term end",
        "renewalNoticeDate": "Renewal notice date", "value": "Value", "description": "Description", "internalNotes": "Internal notes",
    ]

    /// Every id mentioned in these records, so the caller can look up names in one query.
    static func referencedIDs(_ records: [AuditRecord]) -> [UUID] {
        records.flatMap { record in
            record.changedFields.flatMap { [$0.before, $0.after] }.compactMap(UUID.init(canonical:))
                + [memberPersonID(record)].compactMap { $0 }
        }
    }

    static func memberPersonID(_ record: AuditRecord) -> UUID? {
        guard record.change.entity == "membership",
            let json = record.change.after ?? record.change.before, let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["personID"] as? String
        else { return nil }
        return UUID(canonical: id)
    }

    func summary(_ record: AuditRecord) -> String {
        let person = Self.memberPersonID(record).flatMap { names[$0] } ?? "a person"
        switch (record.change.entity, record.change.action) {
        case ("alliance", .create): return "created the alliance"
        case ("alliance", .update): return "updated the alliance"
        case ("alliance", .delete): return "deleted the alliance"
        case ("membership", .create): return "added \(person) to the team"
        case ("membership", .delete): return "removed \(person) from the team"
        default: return "\(record.change.action.label.lowercased()) a \(record.change.entity)"
        }
    }

    func changes(_ record: AuditRecord) -> [FieldChange] {
        guard record.change.entity == "alliance", record.change.action == .update else { return [] }
        return record.changedFields.map { change in
            FieldChange(
                field: Self.labels[change.field] ?? change.field, before: display(change.field, change.before),
                after: display(change.field, change.after))
        }
    }

    func display(_ field: String, _ value: String) -> String {
        if value.isEmpty { return "—" }
        if let id = UUID(canonical: value) { return names[id] ?? "a removed record" }
        switch field {
        case "type": return AllianceType(rawValue: value)?.label ?? value
        case "status": return OperationalStatus(rawValue: value)?.label ?? value
        case "phase": return LifecyclePhase(rawValue: value)?.label ?? value
        case "transition": return LifecycleTransition(rawValue: value)?.label ?? value
        case "tier": return StrategicTier(rawValue: value)?.label ?? value
        case "value": return moneyText(value)
        default: return value
        }
    }

    /// FieldChange renders a nested value as "currency: USD, hundredths: 100".
    func moneyText(_ text: String) -> String {
        var parts: [String: String] = [:]
        for pair in text.components(separatedBy: ", ") {
            let kv = pair.components(separatedBy: ": ")
            if kv.count == 2 { parts[kv[0]] = kv[1] }
        }
        guard let currency = parts["currency"], let amount = parts["hundredths"].flatMap(Int64.init) else { return text }
        return "\(currency) \(Money.format(amount))"
    }
}
