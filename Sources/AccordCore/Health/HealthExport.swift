import Foundation

/// CSV of a wave's aggregated results. Only shown groups carry numbers; a hidden group's row says so and
/// nothing else, and no row ever holds one person's answers or comments.
public enum HealthExport {
    public static let header = [
        "wave", "scope", "dimension", "side", "shown", "respondents", "mean", "score_1", "score_2", "score_3", "score_4", "score_5",
        "gap", "gap_flagged", "needs_action",
    ]

    /// One block per scope: all functions first, then each function.
    public static func csv(wave: String, scopes: [(label: String, results: WaveResults)]) -> String {
        var lines = [header.joined(separator: ",")]
        for scope in scopes {
            for dimension in scope.results.dimensions {
                for (side, result) in [(Side.ours, dimension.ours), (Side.partner, dimension.partner)] {
                    var fields = [wave, scope.label, dimension.name, side.label]
                    if let score = result.score {
                        fields += ["yes", String(score.respondents), String(format: "%.2f", score.mean)]
                        fields += score.distribution.map(String.init)
                    } else {
                        fields += ["no", "", "", "", "", "", "", ""]
                    }
                    fields += [
                        dimension.gap.map { String(format: "%.2f", $0) } ?? "", dimension.gapFlagged ? "yes" : "no",
                        dimension.needsAction ? "yes" : "no",
                    ]
                    lines.append(CSV.row(fields))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
