import AccordMemberwise
import Foundation

/// One page of a longer list, with the total so the UI can show "1-25 of 312".
@Memberwise
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var firstIndex: Int { total == 0 ? 0 : (page - 1) * perPage + 1 }
    public var lastIndex: Int { min(total, page * perPage) }
    public var hasPrevious: Bool { page > 1 }
    public var hasNext: Bool { page < pageCount }
}
