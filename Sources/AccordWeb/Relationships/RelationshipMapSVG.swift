import AccordCore
import Foundation

/// The relationship map as server-rendered SVG: our company on the left, the partner on the right, one band per
/// level (executive at the top); a line per pair, thicker and greener the stronger it is, dashed when contact is overdue.
enum RelationshipMapSVG {
    static let width = 880.0
    static let nodeWidth = 240.0
    static let rowHeight = 46.0
    static let bandPad = 14.0
    static let header = 34.0

    static func svg(_ map: RelationshipMap, people: [UUID: Person], ours: String, partner: String, today: LocalDate) -> String {
        var body = ""
        var y = header
        let leftX = 150.0
        let rightX = width - nodeWidth - 10
        body += "<text x=\"\(leftX)\" y=\"20\" class=\"side\">\(SVGText.escape(ours))</text>"
        body += "<text x=\"\(rightX)\" y=\"20\" class=\"side\">\(SVGText.escape(partner))</text>"
        var lines = ""
        for level in Level.allCases {
            let pairs = map.pairs.filter { $0.level == level }
            let left = unique(pairs.map(\.ourPersonID))
            let right = unique(pairs.map(\.partnerPersonID))
            let rows = max(1, left.count, right.count)
            let height = Double(rows) * rowHeight + bandPad * 2
            body +=
                "<rect x=\"0\" y=\"\(fmt(y))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" class=\"band\(pairs.isEmpty ? " empty" : "")\"/>"
            body += "<text x=\"8\" y=\"\(fmt(y + 22))\" class=\"level\">\(SVGText.escape(level.label))</text>"
            if pairs.isEmpty {
                body +=
                    "<text x=\"\(fmt(width / 2))\" y=\"\(fmt(y + height / 2 + 5))\" text-anchor=\"middle\" class=\"gap\">No pair at this level</text>"
            }
            func slot(_ index: Int) -> Double { y + bandPad + Double(index) * rowHeight }
            for (i, id) in left.enumerated() { body += node(people[id], x: leftX, y: slot(i)) }
            for (i, id) in right.enumerated() { body += node(people[id], x: rightX, y: slot(i)) }
            for pair in pairs {
                guard let l = left.firstIndex(of: pair.ourPersonID), let r = right.firstIndex(of: pair.partnerPersonID) else { continue }
                let (y1, y2) = (slot(l) + 18, slot(r) + 18)
                let overdue = pair.isContactOverdue(today: today)
                let who = "\(people[pair.ourPersonID]?.name ?? "?") and \(people[pair.partnerPersonID]?.name ?? "?")"
                let detail =
                    "\(who): strength \(pair.strength) of 5, \(pair.cadence.label.lowercased()), last contact \(pair.lastContact?.description ?? "never")\(overdue ? " (overdue)" : "")"
                lines +=
                    "<line x1=\"\(fmt(leftX + nodeWidth))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(rightX))\" y2=\"\(fmt(y2))\" class=\"pair strength-\(pair.strength)\(overdue ? " overdue" : "")\" stroke-width=\"\(pair.strength + 1)\"><title>\(SVGText.escape(detail))</title></line>"
            }
            y += height
        }
        let pairsText = map.pairs.count == 1 ? "1 pair" : "\(map.pairs.count) pairs"
        let gaps =
            map.levelGaps.isEmpty
            ? "every level has a pair" : "no pair at " + map.levelGaps.map { $0.label.lowercased() }.joined(separator: ", ")
        return """
            <svg class="relationship-map" viewBox="0 0 \(fmt(width)) \(fmt(y))" width="100%" role="img" aria-labelledby="map-title map-desc"><title id="map-title">Relationship map: \(SVGText.escape(ours)) and \(SVGText.escape(partner))</title><desc id="map-desc">\(pairsText); \(gaps).</desc>\(body)\(lines)</svg>
            """
    }

    static func node(_ person: Person?, x: Double, y: Double) -> String {
        let name = person?.name ?? "Former person"
        let full = person.map { "\($0.function.label) · \($0.title ?? $0.level.label)" } ?? ""
        let detail = full.count > 40 ? String(full.prefix(39)) + "…" : full
        return "<g class=\"node\"><rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(nodeWidth))\" height=\"36\" rx=\"6\"/>"
            + "<text x=\"\(fmt(x + 10))\" y=\"\(fmt(y + 15))\" class=\"name\">\(SVGText.escape(name))</text>"
            + "<text x=\"\(fmt(x + 10))\" y=\"\(fmt(y + 29))\" class=\"detail\">\(SVGText.escape(detail))</text></g>"
    }

    static func unique(_ ids: [UUID]) -> [UUID] {
        var seen: Set<UUID> = []
        return ids.filter { seen.insert($0).inserted }
    }

    static func fmt(_ value: Double) -> String { String(Int(value.rounded())) }
}
