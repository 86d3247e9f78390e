import AccordMemberwise
import Foundation

public enum AllianceSort: String, Labeled {
    case name, partner, type, phase, status, tier
    case effectiveDate = "effective"
    case value
    case updated

    public var label: String {
        switch self {
        case .effectiveDate: "Effective date"
        case .updated: "Last updated"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// Filters, sorting and paging for the portfolio list.
public struct AllianceQuery: Sendable, Equatable {
    public var type: AllianceType?
    public var status: OperationalStatus?
    public var phase: LifecyclePhase?
    public var partnerID: UUID?
    public var managerID: UUID?
    public var text: String?
    public var sort: AllianceSort = .name
    public var descending = false
    public var page = 1
    public var perPage = 25
    public var scope: AllianceScope = .all

    public init() {}

    public static let maxPerPage = 100

    /// Reads query parameters; unknown values are reported by field, as with forms.
    public static func parse(_ params: [String: String]) throws(DomainError) -> AllianceQuery {
        var v = Validator()
        var q = AllianceQuery()
        q.type = v.optionalChoice(params["type"], "type", "Type")
        q.status = v.optionalChoice(params["status"], "status", "Status")
        q.phase = v.optionalChoice(params["phase"], "phase", "Phase")
        q.partnerID = v.optionalID(params["partner"], "partner", "Partner")
        q.managerID = v.optionalID(params["manager"], "manager", "Alliance manager")
        q.text = v.optionalText(params["q"], "q", "Search", max: 100)
        if let sort = v.optionalChoice(params["sort"], "sort", "Sort", as: AllianceSort.self) { q.sort = sort }
        if let dir = params["dir"], !dir.isEmpty {
            switch dir {
            case "asc": q.descending = false
            case "desc": q.descending = true
            default: v.add("dir", "Direction must be asc or desc.")
            }
        }
        if let page = params["page"], !page.isEmpty {
            if let n = Int(page), n >= 1, n <= 1_000_000 { q.page = n } else { v.add("page", "Page must be a whole number from 1.") }
        }
        if let per = params["per_page"], !per.isEmpty {
            if let n = Int(per), (1...maxPerPage).contains(n) {
                q.perPage = n
            } else {
                v.add("per_page", "Page size must be between 1 and \(maxPerPage).")
            }
        }
        try v.check()
        return q
    }
}

/// A row of the portfolio: the alliance with the names it shows.
@Memberwise
public struct AllianceSummary: Sendable, Equatable {
    public var alliance: Alliance
    public var partnerName: String
    public var managerName: String?
}
