import AccordCore
import Foundation

/// JSON shapes of the governance API: bodies with charters and members, meetings, decisions, action items.
extension APIModels {
    struct Step: Encodable, APIShaped {
        let decidedBy: String
        let days: Int
        @Null var finalSay: Side?
        let excludedMatters: [String]

        init(_ s: EscalationStep) {
            (decidedBy, days, finalSay, excludedMatters) = (s.decidedBy, s.days, s.finalSay, s.excludedMatters)
        }

    }

    struct CharterModel: Encodable, APIShaped {
        let minMembersPerParty: Int
        let maxMembersPerParty: Int
        let parityRequired: Bool
        let quorumPerParty: Int
        let decisionRule: DecisionRule
        let minMeetingsPerYear: Int
        let noticeDays: Int
        let escalation: [Step]

        init(_ c: Charter) {
            (minMembersPerParty, maxMembersPerParty, parityRequired, quorumPerParty) = (
                c.minMembersPerParty, c.maxMembersPerParty, c.parityRequired, c.quorumPerParty
            )
            (decisionRule, minMeetingsPerYear, noticeDays, escalation) = (
                c.decisionRule, c.minMeetingsPerYear, c.noticeDays, c.escalation.map(Step.init)
            )
        }
    }

    struct BodyMemberModel: Encodable, APIShaped {
        static let schemaName: String? = "BodyMember"
        let id: UUID
        let bodyId: UUID
        let personId: UUID
        let side: Side
        let role: BodyRole
        let createdAt: Date

        init(_ m: BodyMember) {
            (id, bodyId, personId, side, role, createdAt) = (m.id, m.bodyID, m.personID, m.side, m.role, m.createdAt)
        }
    }

    struct Warning: Encodable, APIShaped {
        let kind: GovernanceWarning.Kind
        let message: String
    }

    struct Body: Encodable, APIShaped {
        static let schemaName: String? = "Body"
        let id: UUID
        let allianceId: UUID
        @Null var parentId: UUID?
        let name: String
        let kind: BodyKind
        let visibility: Visibility
        let charter: CharterModel
        let members: [BodyMemberModel]
        let warnings: [Warning]
        let version: Int
        let createdAt: Date
        let updatedAt: Date

        init(_ b: GovernanceBody, members: [BodyMember], warnings: [GovernanceWarning]) {
            (id, allianceId, parentId, name, kind, visibility) = (
                b.id, b.allianceID, b.parentID, b.name, b.kind, b.visibility
            )
            (charter, version, createdAt, updatedAt) = (CharterModel(b.charter), b.version, b.createdAt, b.updatedAt)
            self.members = members.map(BodyMemberModel.init)
            self.warnings = warnings.filter { $0.bodyID == b.id }.map { Warning(kind: $0.kind, message: $0.message) }
        }

    }

    struct Attendee: Encodable, APIShaped {
        let personId: UUID
        let side: Side
    }

    struct MeetingModel: Encodable, APIShaped {
        static let schemaName: String? = "Meeting"
        static let fieldNotes: [String: APIFieldNote] = [
            "attendance": .about("For one meeting; null in lists"), "quorumMet": .about("For one meeting; null in lists"),
        ]
        let id: UUID
        let bodyId: UUID
        let allianceId: UUID
        let title: String
        let date: LocalDate
        let time: String
        @Null var location: String?
        let agenda: [String]
        @Null var noticeOverride: String?
        @Null var minutes: String?
        let minutesStatus: MinutesStatus
        let documents: [String]
        @Null var attendance: [Attendee]?
        @Null var quorumMet: Bool?
        let version: Int
        let createdAt: Date

        /// `attendance` is given for one meeting; lists leave it (and the quorum) null.
        init(_ m: Meeting, body: GovernanceBody? = nil, members: [BodyMember] = [], attendance: [UUID: Side]? = nil) {
            (id, bodyId, allianceId, title, date, time) = (m.id, m.bodyID, m.allianceID, m.title, m.date, m.time)
            (location, agenda, noticeOverride, minutes) = (m.location, m.agenda, m.noticeOverride, m.minutes)
            (minutesStatus, documents, version, createdAt) = (m.minutesStatus, m.documents, m.version, m.createdAt)
            if let attendance, let body {
                self.attendance = attendance.map { Attendee(personId: $0.key, side: $0.value) }.sorted {
                    $0.personId.canonicalText < $1.personId.canonicalText
                }
                let voting = members.filter { $0.role.isVoting && attendance[$0.personID] != nil }.map(\.side)
                quorumMet = DecisionRules.quorum(body.charter, attending: voting)
            } else {
                (self.attendance, quorumMet) = (nil, nil)
            }
        }

    }

    struct VoteModel: Encodable, APIShaped {
        let personId: UUID
        let side: Side
        let vote: Vote
    }

    struct EscalationModel: Encodable, APIShaped {
        let step: Int
        let decidedBy: String
        let startedOn: LocalDate
        let deadline: LocalDate
        let overdue: Bool
    }

    struct DecisionModel: Encodable, APIShaped {
        static let schemaName: String? = "Decision"
        static let fieldNotes: [String: APIFieldNote] = ["votes": .about("For one decision; null in lists")]
        let id: UUID
        let bodyId: UUID
        let allianceId: UUID
        @Null var meetingId: UUID?
        let title: String
        @Null var details: String?
        let status: DecisionStatus
        @Null var escalation: EscalationModel?
        @Null var supersededBy: UUID?
        @Null var votes: [VoteModel]?
        let version: Int
        let createdAt: Date

        /// `votes` are given for one decision; lists leave them null.
        init(_ d: Decision, body: GovernanceBody?, today: LocalDate, votes: [CastVote]? = nil) {
            (id, bodyId, allianceId, meetingId, title, details) = (d.id, d.bodyID, d.allianceID, d.meetingID, d.title, d.details)
            (status, supersededBy, version, createdAt) = (d.status, d.supersededBy, d.version, d.createdAt)
            if let state = d.escalation, d.status == .escalated {
                let ladder = body?.charter.escalation ?? []
                escalation = EscalationModel(
                    step: state.step + 1, decidedBy: state.step < ladder.count ? ladder[state.step].decidedBy : "",
                    startedOn: state.startedOn, deadline: state.deadline, overdue: d.isOverdue(on: today))
            } else {
                escalation = nil
            }
            self.votes = votes?.map { VoteModel(personId: $0.personID, side: $0.side, vote: $0.vote) }
        }

    }

    struct ActionItemModel: Encodable, APIShaped {
        static let schemaName: String? = "ActionItem"
        let id: UUID
        let allianceId: UUID
        let title: String
        let ownerId: UUID
        let dueOn: LocalDate
        let status: ActionStatus
        let overdue: Bool
        @Null var meetingId: UUID?
        @Null var decisionId: UUID?
        let visibility: Visibility
        let version: Int
        let createdAt: Date

        init(_ a: ActionItem, today: LocalDate) {
            (id, allianceId, title, ownerId, dueOn, status) = (
                a.id, a.allianceID, a.title, a.ownerID, a.dueOn, a.status
            )
            (overdue, meetingId, decisionId, visibility) = (a.isOverdue(on: today), a.meetingID, a.decisionID, a.visibility)
            (version, createdAt) = (a.version, a.createdAt)
        }

    }
}
