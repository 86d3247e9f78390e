import AccordMemberwise
import Foundation

public enum AuditAction: String, Labeled {
    case create, update, delete

    public var label: String {
        switch self {
        case .create: "Created"
        case .update: "Updated"
        case .delete: "Deleted"
        }
    }
}

/// Who made a change: a signed-in user or an operator command.
@Memberwise
public struct AuditActor: Sendable, Equatable {
    public var userID: UUID?
    public var name: String

    public static let system = AuditActor(userID: nil, name: "system")
}

/// One change, as written: before and after are JSON snapshots of the record.
@Memberwise
public struct AuditChange: Sendable, Equatable {
    public var entity: String
    public var entityID: UUID
    public var allianceID: UUID?
    public var action: AuditAction
    public var before: String?
    public var after: String?

    /// A stable JSON snapshot (sorted keys, ISO dates) of any record.
    public static func snapshot(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A stored audit row, chained to the one before it by `previousHash`.
@Memberwise
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int64
    public var at: Date
    public var actorID: UUID?
    public var actorName: String
    public var change: AuditChange
    public var previousHash: String
    public var hash: String

    /// The exact text the hash covers: every field, in a fixed order, with lengths so fields cannot run together.
    public static func canonicalText(
        sequence: Int64, at: Date, actorID: UUID?, actorName: String, change: AuditChange, previousHash: String
    ) -> String {
        let fields: [String] = [
            String(sequence), AuditClock.format(at), actorID?.canonicalText ?? "", actorName, change.entity,
            change.entityID.canonicalText, change.allianceID?.canonicalText ?? "", change.action.rawValue,
            change.before ?? "", change.after ?? "", previousHash,
        ]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    public var canonicalText: String {
        Self.canonicalText(
            sequence: sequence, at: at, actorID: actorID, actorName: actorName, change: change, previousHash: previousHash)
    }

    /// The hash of the row before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Field names whose values differ between before and after, for the history view.
    public var changedFields: [FieldChange] {
        FieldChange.between(change.before, change.after)
    }
}

/// Timestamps in audit rows carry milliseconds so the stored text round-trips exactly.
public enum AuditClock {
    public static func format(_ date: Date) -> String {
        // Rounded, not truncated: a stored-and-parsed timestamp may come back a hair under the millisecond.
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        return String(ms)
    }

    /// Drops precision below a millisecond so what is hashed equals what is stored.
    public static func truncate(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

/// One field's value before and after a change.
@Memberwise
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var before: String
    public var after: String

    static let ignored: Set<String> = ["version", "updatedAt", "createdAt", "id"]

    public static func between(_ before: String?, _ after: String?) -> [FieldChange] {
        let old = object(before)
        let new = object(after)
        let keys = Set(old.keys).union(new.keys).subtracting(ignored).sorted()
        return keys.compactMap { key in
            let a = text(old[key])
            let b = text(new[key])
            return a == b ? nil : FieldChange(field: key, before: a, after: b)
        }
    }

    static func object(_ json: String?) -> [String: Any] {
        guard let json, let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return value
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let d as [String: Any]:
            return d.keys.sorted().map { "\($0): \(text(d[$0]))" }.joined(separator: ", ")
        default: return String(describing: value!)
        }
    }
}
