import AccordCore
import Foundation

/// Late governance work with the bodies it names and the escalation limits its issues were judged by.
struct LateWork: Sendable {
    let attention: GovernanceAttention
    /// The bodies of the escalations shown.
    let bodies: [GovernanceBody]
    /// The alliance of every body an entry names.
    let allianceOfBody: [UUID: UUID]
    let issueLimits: [UUID: EscalationLimits]
    /// The names of the alliances the entries belong to (those the principal may open) and of their owners.
    let allianceNames: [UUID: String]
    let ownerNames: [UUID: String]

    /// What is late per alliance (alliances with nothing late are left out).
    var byAlliance: [UUID: GovernanceAttention] { attention.byAlliance(allianceOfBody: allianceOfBody) }
}
