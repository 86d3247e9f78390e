import AccordMemberwise
import Foundation

/// One respondent's answers as submitted: scores as typed, optional comments, open answers.
@Memberwise
public struct SurveySubmission: Sendable, Equatable {
    public var scores: [String: String]
    public var comments: [String: String] = [:]
    public var openAnswers: [String] = []

    public struct Valid: Sendable, Equatable {
        public var scores: [String: Int]
        public var comments: [String: String]
        public var openAnswers: [String]
    }

    /// Every scored question needs a whole score from 1 to 5; no answers to questions the instrument lacks;
    /// comments and open answers at most 2,000 characters. Errors name the question key.
    public func validate(against instrument: Instrument) throws(DomainError) -> Valid {
        var v = Validator()
        var valid: [String: Int] = [:]
        let known = Set(instrument.questions.map(\.key))
        for key in scores.keys.sorted() where !known.contains(key) {
            v.add(key, "This survey has no question \(key).")
        }
        for question in instrument.questions {
            let raw = (scores[question.key] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty {
                v.add(question.key, "Please score: \(question.text)")
            } else if let score = Int(raw), (1...5).contains(score) {
                valid[question.key] = score
            } else {
                v.add(question.key, "Scores are whole numbers from 1 to 5.")
            }
        }
        var comments: [String: String] = [:]
        for (key, text) in self.comments.sorted(by: { $0.key < $1.key }) {
            guard known.contains(key) else {
                v.add("comment.\(key)", "This survey has no question \(key).")
                continue
            }
            if let comment = v.optionalText(text, "comment.\(key)", "Comment", max: 2000) { comments[key] = comment }
        }
        var open: [String] = []
        if openAnswers.count > instrument.openQuestions.count {
            v.add("open", "There are only \(instrument.openQuestions.count) open questions.")
        }
        for (index, text) in openAnswers.prefix(instrument.openQuestions.count).enumerated() {
            open.append(v.optionalText(text, "open.\(index)", "Answer", max: 2000) ?? "")
        }
        try v.check()
        return Valid(scores: valid, comments: comments, openAnswers: open)
    }
}
