import AccordCore
import Foundation

/// Server-rendered SVG charts for health results. Each chart has a title and a description for screen
/// readers; the page puts the same numbers in a table beside it. Missing (hidden) values are left out, never drawn as zero.
enum HealthCharts {
    static let ours = "var(--chart-ours, #1f5fa8)"
    static let partner = "var(--chart-partner, #c2571a)"

    /// Both sides' dimension means on one radar, scale 1 (centre) to 5 (rim).
    static func radar(id: String, title: String, _ dimensions: [DimensionResult]) -> String {
        let width = 640.0
        let height = 400.0
        let centreX = width / 2
        let centre = height / 2
        let radius = 140.0
        let count = max(dimensions.count, 3)
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let r = radius * (min(max(value, 1), 6.2) - 1) / 4
            return (centreX + r * cos(angle), centre + r * sin(angle))
        }
        var svg = open(id: id, title: title, width: width, height: height, description: radarDescription(dimensions))
        for ring in 1...5 {
            let points = (0..<count).map { point($0, Double(ring)) }
            svg += "<polygon points=\"\(coords(points))\" fill=\"none\" stroke=\"#d5dae1\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(fmt(centreX + 3))\" y=\"\(fmt(point(0, Double(ring)).1 - 2))\" class=\"tick\">\(ring)</text>"
        }
        for (index, dimension) in dimensions.enumerated() {
            let (x, y) = point(index, 5)
            svg += "<line x1=\"\(fmt(centreX))\" y1=\"\(fmt(centre))\" x2=\"\(fmt(x))\" y2=\"\(fmt(y))\" stroke=\"#d5dae1\"/>"
            let (lx, ly) = point(index, 5.35)
            let anchor = abs(lx - centreX) < 10 ? "middle" : (lx > centreX ? "start" : "end")
            svg +=
                "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly + 4))\" text-anchor=\"\(anchor)\" class=\"axis\">\(SVGText.escape(dimension.name))</text>"
        }
        for (side, colour, dash) in [(Side.ours, ours, ""), (Side.partner, partner, " stroke-dasharray=\"6 3\"")] {
            let values = dimensions.map { (side == .ours ? $0.ours : $0.partner).score?.mean }
            guard values.allSatisfy({ $0 != nil }), !values.isEmpty else { continue }
            let points = values.enumerated().map { point($0.offset, $0.element!) }
            svg +=
                "<polygon points=\"\(coords(points))\" fill=\"\(colour)\" fill-opacity=\"0.12\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            for (x, y) in points { svg += "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"3\" fill=\"\(colour)\"/>" }
        }
        return svg + "</svg>"
    }

    /// A tiny bar chart of how many gave each score from 1 to 5.
    static func distribution(_ counts: [Int]) -> String {
        let most = max(counts.max() ?? 0, 1)
        let label = "Answers at scores 1 to 5: " + counts.map(String.init).joined(separator: ", ")
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dist\" role=\"img\" aria-label=\"\(label)\" viewBox=\"0 0 44 16\" width=\"44\" height=\"16\">"
        for (index, count) in counts.enumerated() {
            let h = count == 0 ? 1 : max(2, 16 * Double(count) / Double(most))
            let colour = ["#c9302c", "#e0823d", "#c9b037", "#7fae4e", "#2f8a4f"][min(index, 4)]
            svg += "<rect x=\"\(index * 9)\" y=\"\(fmt(16 - h))\" width=\"7\" height=\"\(fmt(h))\" fill=\"\(colour)\"/>"
        }
        return svg + "</svg>"
    }

    static func radarDescription(_ dimensions: [DimensionResult]) -> String {
        let parts = dimensions.map { d in
            "\(d.name): our side \(value(d.ours.score?.mean)), partner \(value(d.partner.score?.mean))"
        }
        return "Mean scores from 1 to 5 by dimension. " + parts.joined(separator: "; ") + "."
    }

    /// Our mean minus the partner's per dimension, bars left (partner higher) or right (we are higher).
    static func gapBars(id: String, title: String, _ dimensions: [DimensionResult], threshold: Double) -> String {
        let rowHeight = 26.0
        let labelWidth = 170.0
        let plotWidth = 260.0
        let height = Double(dimensions.count) * rowHeight + 40
        let width = labelWidth + plotWidth + 60
        let limit = max(2.0, dimensions.compactMap { $0.gap.map(abs) }.max() ?? 0)
        let zero = labelWidth + plotWidth / 2
        func x(_ value: Double) -> Double { zero + value / limit * plotWidth / 2 }
        let description =
            "Perception gap per dimension, our mean minus the partner's; gaps of \(fmt(threshold)) or more are flagged. "
            + dimensions.map { "\($0.name): \($0.gap.map { String(format: "%+.2f", $0) } ?? "not shown")" }.joined(separator: "; ") + "."
        var svg = open(id: id, title: title, width: width, height: height, description: description)
        for mark in [-threshold, threshold] {
            svg +=
                "<line x1=\"\(fmt(x(mark)))\" y1=\"4\" x2=\"\(fmt(x(mark)))\" y2=\"\(fmt(height - 30))\" stroke=\"#c9302c\" stroke-dasharray=\"3 3\"/>"
        }
        svg += "<line x1=\"\(fmt(zero))\" y1=\"4\" x2=\"\(fmt(zero))\" y2=\"\(fmt(height - 30))\" stroke=\"#555\"/>"
        for (index, dimension) in dimensions.enumerated() {
            let y = 8 + Double(index) * rowHeight
            svg +=
                "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y + 14))\" text-anchor=\"end\" class=\"axis\">\(SVGText.escape(dimension.name))</text>"
            guard let gap = dimension.gap else {
                svg += "<text x=\"\(fmt(zero + 6))\" y=\"\(fmt(y + 14))\" class=\"tick\">not shown</text>"
                continue
            }
            let left = min(x(0), x(gap))
            let colour = dimension.gapFlagged ? "#c9302c" : "#7a8699"
            svg +=
                "<rect x=\"\(fmt(left))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(max(abs(x(gap) - x(0)), 1)))\" height=\"16\" fill=\"\(colour)\"/>"
            let labelX = gap >= 0 ? x(gap) + 4 : x(gap) - 4
            svg += "<text x=\"\(fmt(labelX))\" y=\"\(fmt(y + 15))\" text-anchor=\"\(gap >= 0 ? "start" : "end")\" class=\"tick\">"
            svg += String(format: "%+.2f", gap) + "</text>"
        }
        svg += "<text x=\"\(fmt(x(-limit)))\" y=\"\(fmt(height - 10))\" class=\"tick\">Partner rates higher</text>"
        svg += "<text x=\"\(fmt(x(limit)))\" y=\"\(fmt(height - 10))\" text-anchor=\"end\" class=\"tick\">We rate higher</text>"
        return svg + "</svg>"
    }

    /// One dimension's means per side across waves (oldest left), scale 1 to 5.
    static func trend(id: String, title: String, _ points: [TrendPoint]) -> String {
        let width = 260.0
        let height = 150.0
        let left = 26.0
        let right = 10.0
        let top = 10.0
        let bottom = 30.0
        func x(_ index: Int) -> Double {
            points.count < 2 ? (left + width - right) / 2 : left + Double(index) * (width - left - right) / Double(points.count - 1)
        }
        func y(_ value: Double) -> Double { top + (5 - value) / 4 * (height - top - bottom) }
        let description =
            "Means by wave, oldest first. "
            + points.map { "\($0.wave): our side \(value($0.ours)), partner \(value($0.partner))" }.joined(separator: "; ") + "."
        var svg = open(id: id, title: title, width: width, height: height, description: description)
        for level in 1...5 {
            let ly = y(Double(level))
            svg += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(ly))\" stroke=\"#eceff3\"/>"
            svg += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(ly + 4))\" text-anchor=\"end\" class=\"tick\">\(level)</text>"
        }
        for index in points.indices {
            svg += "<text x=\"\(fmt(x(index)))\" y=\"\(fmt(height - 10))\" text-anchor=\"middle\" class=\"tick\">\(index + 1)</text>"
        }
        for (side, colour, dash) in [(Side.ours, ours, ""), (Side.partner, partner, " stroke-dasharray=\"6 3\"")] {
            let shown = points.enumerated().compactMap { index, point -> (Double, Double)? in
                guard let value = side == .ours ? point.ours : point.partner else { return nil }
                return (x(index), y(value))
            }
            if shown.count > 1 {
                svg += "<polyline points=\"\(coords(shown))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            }
            for (px, py) in shown { svg += "<circle cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"3\" fill=\"\(colour)\"/>" }
        }
        return svg + "</svg>"
    }

    static func open(id: String, title: String, width: Double, height: Double, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"\(id)\" role=\"img\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" "
            + "width=\"\(fmt(width))\" height=\"\(fmt(height))\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(SVGText.escape(title))</title><desc id=\"\(id)-desc\">\(SVGText.escape(description))</desc>"
    }

    static func value(_ mean: Double?) -> String { mean.map { String(format: "%.2f", $0) } ?? "not shown" }
    /// One decimal, without `String(format:)` (a chart has hundreds of coordinates and that is slow on Linux).
    static func fmt(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
    static func coords(_ points: [(Double, Double)]) -> String { points.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ") }
}
