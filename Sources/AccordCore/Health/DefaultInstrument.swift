import Foundation

/// The built-in instrument, written for biopharma alliances: ten dimensions, 22 scored questions.
public enum DefaultInstrument {
    public static let key = "accord-alliance-health"

    /// Five anchors from what the lowest, middle and highest scores look like in practice.
    static func anchors(_ low: String, _ middle: String, _ high: String) -> [String] {
        [
            low, "Mostly true: \(low.prefix(1).lowercased() + low.dropFirst())", middle,
            "Mostly true: \(high.prefix(1).lowercased() + high.dropFirst())", high,
        ]
    }

    static func q(_ key: String, _ text: String, _ low: String, _ middle: String, _ high: String) -> Question {
        Question(key: key, text: text, anchors: anchors(low, middle, high))
    }

    public static let instrument = Instrument(
        key: key, name: "Alliance health (Accord default)", version: 1,
        dimensions: [
            Dimension(
                key: "trust", name: "Trust",
                questions: [
                    q(
                        "trust.commitments", "The partner does what it says it will do, on time.",
                        "Commitments are routinely missed or renegotiated.", "Most commitments are kept, some slip without warning.",
                        "Commitments are kept or changed early and openly."),
                    q(
                        "trust.intent", "We assume good intent when the partner's actions surprise us.",
                        "Surprises are read as bad faith and escalated.", "We give the benefit of the doubt after checking.",
                        "We ask first and assume good intent by default."),
                ]),
            Dimension(
                key: "transparency", name: "Transparency",
                questions: [
                    q(
                        "transparency.data", "Clinical, CMC and commercial data are shared promptly and completely.",
                        "Data arrives late, partial or only when demanded.", "Data is shared on schedule but selectively.",
                        "Data is shared as soon as it exists, including bad news."),
                    q(
                        "transparency.risks", "Risks and setbacks are raised before they become problems.",
                        "We learn of problems after the fact.", "Risks are raised at governance meetings.",
                        "Risks are raised as soon as they are seen, with options."),
                ]),
            Dimension(
                key: "commitment", name: "Shared commitment to goals",
                questions: [
                    q(
                        "commitment.goals", "Both companies pursue the alliance's short- and long-term goals as their own.",
                        "Each side pursues its own goals first.", "Goals are shared but priorities often diverge.",
                        "Both sides give the joint goals priority and say so."),
                    q(
                        "commitment.resources", "The partner staffs and funds the work it agreed to.",
                        "Agreed resources are repeatedly withdrawn or delayed.", "Resources arrive, sometimes late or reduced.",
                        "Agreed resources are in place and protected."),
                    q(
                        "commitment.sponsorship", "Senior executives on both sides visibly sponsor the alliance.",
                        "Executives are absent until there is a crisis.", "Executives attend the steering committee.",
                        "Executives champion the alliance inside their companies."),
                ]),
            Dimension(
                key: "communication", name: "Communication",
                questions: [
                    q(
                        "communication.counterparts", "I know my counterpart and can reach them when needed.",
                        "I do not know who my counterpart is.", "I know my counterpart but contact is slow.",
                        "We talk regularly and answer each other quickly."),
                    q(
                        "communication.clarity", "Messages between the companies are clear and reach the right people.",
                        "Messages are lost, garbled or go to the wrong people.", "Messages arrive but often need clarifying.",
                        "Messages are clear, timely and well routed."),
                ]),
            Dimension(
                key: "decisions", name: "Decision making",
                questions: [
                    q(
                        "decisions.speed", "Joint decisions are made in time for the programme's needs.",
                        "Decisions stall and delay the programme.", "Decisions come, but often late.",
                        "Decisions are made when needed, at the right level."),
                    q(
                        "decisions.respect", "Once made, joint decisions are respected by both companies.",
                        "Decisions are reopened or ignored.", "Decisions mostly hold, with some relitigating.",
                        "Decisions hold and are implemented by both sides."),
                ]),
            Dimension(
                key: "conflict", name: "Conflict resolution",
                questions: [
                    q(
                        "conflict.early", "Disagreements are surfaced early and handled constructively.",
                        "Disagreements fester or explode.", "Disagreements are handled once they are visible.",
                        "Disagreements are named early and worked through together."),
                    q(
                        "conflict.escalation", "Escalation to governance or executives is used well, not as a weapon.",
                        "Escalation is used to win arguments.", "Escalation works but is slow or overused.",
                        "Escalation is rare, fast and resolves the issue."),
                ]),
            Dimension(
                key: "culture", name: "Cultural fit",
                questions: [
                    q(
                        "culture.ways", "We understand and respect how the partner works (pace, hierarchy, risk appetite).",
                        "Differences in how we work cause repeated friction.", "We know the differences and work around them.",
                        "We use our differences deliberately to the alliance's advantage."),
                    q(
                        "culture.meetings", "Meetings work for both sides (time zones, language, preparation, follow-up).",
                        "Meetings favour one side and leave the other behind.", "Meetings work, with some friction.",
                        "Meetings are well prepared, inclusive and followed up."),
                ]),
            Dimension(
                key: "value", name: "Strategic value",
                questions: [
                    q(
                        "value.strategy", "The alliance remains important to my company's strategy.",
                        "The alliance no longer matters to our strategy.", "The alliance matters but competes for attention.",
                        "The alliance is central to our strategy."),
                    q(
                        "value.delivery", "The alliance is delivering the value both companies expected from the deal.",
                        "Expected value is far from being delivered.", "Value is arriving, behind plan.",
                        "Value meets or exceeds what was expected."),
                ]),
            Dimension(
                key: "operations", name: "Operational effectiveness",
                questions: [
                    q(
                        "operations.execution", "Day-to-day work across the two companies runs smoothly.",
                        "Hand-offs regularly fail or need rework.", "Work gets done with avoidable friction.",
                        "Hand-offs are smooth and problems are fixed fast."),
                    q(
                        "operations.roles", "Roles and responsibilities between the companies are clear.",
                        "Nobody is sure who owns what.", "Roles are clear for most work.",
                        "Every activity has a clear owner on the right side."),
                    q(
                        "operations.quality", "Quality, regulatory and supply obligations are met without chasing.",
                        "Obligations are met only after repeated chasing.", "Obligations are met with occasional reminders.",
                        "Obligations are met on time without reminders."),
                ]),
            Dimension(
                key: "governance", name: "Governance effectiveness",
                questions: [
                    q(
                        "governance.committees", "Joint committees meet as their charters say and make real decisions.",
                        "Committees rarely meet or only exchange slides.", "Committees meet but defer most decisions.",
                        "Committees meet on cadence and decide."),
                    q(
                        "governance.membership", "The right functions sit on the governance bodies for the current phase.",
                        "Key functions are missing from governance.", "Most needed functions are represented.",
                        "Membership matches the phase and is kept current."),
                ]),
        ],
        openQuestions: [
            "What is working best in this alliance?",
            "What one change would most improve this alliance in the next six months?",
        ])
}
