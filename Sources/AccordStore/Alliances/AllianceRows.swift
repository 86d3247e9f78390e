import AccordCore
import Foundation
import SQLKit

/// Row mapping for alliances and memberships.
enum AllianceRows {
    static func decode(_ row: any SQLRow) throws -> Alliance {
        let valid = AllianceInput.Valid(
            name: try row.string("name"), partnerID: try row.uuid("partner_id"), type: try row.choice("type"),
            status: try row.choice("status"), phase: try row.choice("phase"), transition: try row.optionalChoice("transition"),
            tier: try row.choice("tier"), ourSponsorID: try row.optionalUUID("our_sponsor_id"),
            ourManagerID: try row.optionalUUID("our_manager_id"), partnerSponsorID: try row.optionalUUID("partner_sponsor_id"),
            partnerManagerID: try row.optionalUUID("partner_manager_id"), products: try row.optionalString("products"),
            territories: try row.optionalString("territories"), effectiveDate: try row.localDate("effective_date"),
            termEndDate: try row.localDate("term_end_date"), renewalNoticeDate: try row.localDate("renewal_notice_date"),
            value: try money(row), description: try row.optionalString("description"),
            internalNotes: try row.optionalString("internal_notes"))
        return Alliance(
            id: try row.uuid("id"), valid: valid, version: try row.int("version"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"))
    }

    static func money(_ row: any SQLRow) throws -> Money? {
        guard let amount = try row.optionalInt64("value_hundredths"), let currency = try row.optionalString("value_currency") else {
            return nil
        }
        return Money(hundredths: amount, currency: currency)
    }

    static func decodeMembership(_ row: any SQLRow) throws -> Membership {
        Membership(
            id: try row.uuid("id"), allianceID: try row.uuid("alliance_id"), personID: try row.uuid("person_id"),
            side: try row.choice("side"), role: try row.choice("role"), createdAt: try row.date("created_at"))
    }

    /// The columns written on insert and update, in one place.
    static func columns(_ a: Alliance) -> [(String, any Encodable & Sendable)] {
        [
            ("name", a.name), ("partner_id", a.partnerID.canonicalText), ("type", a.type.rawValue), ("status", a.status.rawValue),
            ("phase", a.phase.rawValue), ("transition", a.transition?.rawValue), ("tier", a.tier.rawValue),
            ("our_sponsor_id", a.ourSponsorID?.canonicalText), ("our_manager_id", a.ourManagerID?.canonicalText),
            ("partner_sponsor_id", a.partnerSponsorID?.canonicalText), ("partner_manager_id", a.partnerManagerID?.canonicalText),
            ("products", a.products), ("territories", a.territories), ("effective_date", a.effectiveDate?.description),
            ("term_end_date", a.termEndDate?.description), ("renewal_notice_date", a.renewalNoticeDate?.description),
            ("value_hundredths", a.value?.hundredths), ("value_currency", a.value?.currency), ("description", a.description),
            ("internal_notes", a.internalNotes), ("version", a.version), ("updated_at", Timestamp.format(a.updatedAt)),
        ]
    }

    static func sortExpression(_ sort: AllianceSort) -> String {
        switch sort {
        case .name: "lower(a.name)"
        case .partner: "lower(o.name)"
        case .type: "a.type"
        case .phase: "a.phase"
        case .status: "a.status"
        case .tier: "a.tier"
        case .effectiveDate: "COALESCE(a.effective_date, '0000-00-00')"
        case .value: "COALESCE(a.value_hundredths, -1)"
        case .updated: "a.updated_at"
        }
    }
}
