import AccordMemberwise
import Foundation

/// The documented scales of a culture profile. Each runs from 1 (the first pole) to 5 (the second).
public enum CultureScale: String, Labeled {
    case decisionSpeed = "decision_speed"
    case hierarchy
    case riskAppetite = "risk_appetite"
    case directness
    case decisionStyle = "decision_style"
    case timeOrientation = "time_orientation"

    public var label: String {
        switch self {
        case .decisionSpeed: "Decision speed"
        case .hierarchy: "Hierarchy"
        case .riskAppetite: "Risk appetite"
        case .directness: "Directness of communication"
        case .decisionStyle: "Consensus or individual decisions"
        case .timeOrientation: "Time orientation"
        }
    }

    /// What 1 and 5 mean.
    public var poles: (low: String, high: String) {
        switch self {
        case .decisionSpeed: ("Deliberate: decides after thorough review", "Fast: decides quickly, adjusts later")
        case .hierarchy: ("Flat: people decide at their level", "Hierarchical: decisions go up the line")
        case .riskAppetite: ("Cautious: avoids uncertainty", "Bold: accepts risk for upside")
        case .directness: ("Indirect: context and implied meaning", "Direct: explicit, says no openly")
        case .decisionStyle: ("Consensus: everyone aligned first", "Individual: the accountable person decides")
        case .timeOrientation: ("Long term: plans in years", "Short term: quarters and milestones")
        }
    }
}

/// An organisation's ways of working (ours or a partner's).
@Memberwise
public struct CultureProfile: Sendable, Equatable, Codable {
    public var organizationID: UUID
    public var scores: [CultureScale: Int]
    public var timeZones: String?
    public var languages: String?
    public var workingNorms: String?
    public var version: Int = 0

    /// An organisation nobody has described yet.
    public static func empty(_ organizationID: UUID) -> CultureProfile {
        CultureProfile(organizationID: organizationID, scores: [:], timeZones: nil, languages: nil, workingNorms: nil)
    }

    public var isEmpty: Bool { scores.isEmpty && timeZones == nil && languages == nil && workingNorms == nil }

    enum CodingKeys: String, CodingKey { case organizationID, scores, timeZones, languages, workingNorms, version }

    /// Scores as `{"hierarchy": 4, ...}`, as stored and audited.
    public var scoreCodes: [String: Int] { Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        organizationID = try c.decode(UUID.self, forKey: .organizationID)
        let codes = try c.decode([String: Int].self, forKey: .scores)
        scores = Dictionary(uniqueKeysWithValues: codes.compactMap { k, v in CultureScale(rawValue: k).map { ($0, v) } })
        timeZones = try c.decodeIfPresent(String.self, forKey: .timeZones)
        languages = try c.decodeIfPresent(String.self, forKey: .languages)
        workingNorms = try c.decodeIfPresent(String.self, forKey: .workingNorms)
        version = try c.decode(Int.self, forKey: .version)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(organizationID, forKey: .organizationID)
        try c.encode(scoreCodes, forKey: .scores)
        try c.encodeIfPresent(timeZones, forKey: .timeZones)
        try c.encodeIfPresent(languages, forKey: .languages)
        try c.encodeIfPresent(workingNorms, forKey: .workingNorms)
        try c.encode(version, forKey: .version)
    }
}

/// One scale side by side: ours, theirs, and whether the gap is wide enough to manage.
public struct CultureComparison: Sendable, Equatable {
    public var scale: CultureScale
    public var ours: Int?
    public var theirs: Int?

    /// A gap of two points or more on a five-point scale is highlighted and belongs in the differences log.
    public static let threshold = 2

    public var gap: Int? {
        guard let ours, let theirs else { return nil }
        return abs(ours - theirs)
    }

    public var isDifference: Bool { (gap ?? 0) >= Self.threshold }

    public static func compare(ours: CultureProfile, theirs: CultureProfile) -> [CultureComparison] {
        CultureScale.allCases.map { CultureComparison(scale: $0, ours: ours.scores[$0], theirs: theirs.scores[$0]) }
    }
}

@Memberwise
public struct CultureProfileInput: Sendable, Equatable {
    /// Scale code -> "1".."5" (empty: not assessed).
    public var scores: [String: String] = [:]
    public var timeZones: String?
    public var languages: String?
    public var workingNorms: String?

    public func validate(_ organizationID: UUID) throws(DomainError) -> CultureProfile {
        var v = Validator()
        var scores: [CultureScale: Int] = [:]
        for (key, raw) in self.scores.sorted(by: { $0.key < $1.key }) {
            guard let scale = CultureScale(rawValue: key) else {
                v.add("scores.\(key)", "Unknown scale “\(key)”: use \(CultureScale.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let n = Int(text), (1...5).contains(n) else {
                v.add("scores.\(key)", "\(scale.label) is a whole number from 1 to 5.")
                continue
            }
            scores[scale] = n
        }
        let zones = v.optionalText(timeZones, "timeZones", "Time zones", max: 200)
        let languages = v.optionalText(languages, "languages", "Languages", max: 200)
        let norms = v.optionalText(workingNorms, "workingNorms", "Working norms", max: 4000)
        try v.check()
        return CultureProfile(organizationID: organizationID, scores: scores, timeZones: zones, languages: languages, workingNorms: norms)
    }
}
