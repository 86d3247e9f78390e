import AccordMemberwise
import Foundation

/// A relationship-health survey: dimensions of scored questions, plus open questions.
/// Instruments are versioned: a wave keeps the version it was sent with.
@Memberwise
public struct Instrument: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var version: Int
    public var dimensions: [Dimension]
    public var openQuestions: [String]

    public var questions: [Question] { dimensions.flatMap(\.questions) }

    /// The dimension a question belongs to.
    public func dimension(of questionKey: String) -> Dimension? {
        dimensions.first { $0.questions.contains { $0.key == questionKey } }
    }

    /// Keys unique and well formed, names and texts present, every question with five anchors, at least one
    /// question per dimension.
    public func validate() throws(DomainError) {
        var v = Validator()
        if !Self.isKey(key) { v.add("key", "Key must be 2-60 lower-case letters, digits, dots or dashes.") }
        if key == "new" { v.add("key", "Choose another key; new is reserved.") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { v.add("name", "Name is required.") }
        if name.count > 120 { v.add("name", "Name must be at most 120 characters.") }
        if dimensions.isEmpty { v.add("dimensions", "An instrument needs at least one dimension.") }
        var seen: Set<String> = []
        var seenDimensions: Set<String> = []
        for dimension in dimensions {
            if !seenDimensions.insert(dimension.key).inserted || !Self.isKey(dimension.key) {
                v.add("dimensions.\(dimension.key)", "Dimension key \(dimension.key) must be unique and well formed.")
            }
            if dimension.name.trimmingCharacters(in: .whitespaces).isEmpty {
                v.add("dimensions.\(dimension.key)", "Every dimension needs a name.")
            }
            if dimension.questions.isEmpty { v.add("dimensions.\(dimension.key)", "\(dimension.name) has no questions.") }
            for question in dimension.questions {
                if !seen.insert(question.key).inserted { v.add("questions.\(question.key)", "Question key \(question.key) is used twice.") }
                if question.text.trimmingCharacters(in: .whitespaces).isEmpty || question.text.count > 500 {
                    v.add("questions.\(question.key)", "Question \(question.key) needs a statement of at most 500 characters.")
                }
                if question.anchors.count != 5 || question.anchors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    v.add("questions.\(question.key)", "Question \(question.key) needs a written anchor for each score from 1 to 5.")
                }
            }
        }
        for (index, question) in openQuestions.enumerated()
        where question.trimmingCharacters(in: .whitespaces).isEmpty || question.count > 500 {
            v.add("openQuestions", "Open question \(index + 1) must have 1 to 500 characters.")
        }
        if openQuestions.count > 10 { v.add("openQuestions", "An instrument has at most 10 open questions.") }
        let texts = [name] + dimensions.flatMap { [$0.name] + $0.questions.flatMap { [$0.text] + $0.anchors } } + openQuestions
        if texts.contains(where: Validator.hasControlCharacters) {
            v.add("text", "The instrument contains characters that are not allowed.")
        }
        if dimensions.flatMap(\.questions).flatMap(\.anchors).contains(where: { $0.count > 300 }) {
            v.add("anchors", "Anchors must be at most 300 characters.")
        }
        if dimensions.count > 20 || dimensions.contains(where: { $0.questions.count > 20 }) {
            v.add("dimensions", "An instrument has at most 20 dimensions of at most 20 statements each.")
        }
        try v.check()
    }

    static func isKey(_ text: String) -> Bool {
        (2...60).contains(text.count) && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
    }
}

/// A facet of the relationship, such as trust or decision making.
@Memberwise
public struct Dimension: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var questions: [Question]
}

/// A statement scored 1-5, with what each score means written out.
@Memberwise
public struct Question: Sendable, Equatable, Codable {
    public var key: String
    public var text: String
    /// Anchors for scores 1 to 5, in order.
    public var anchors: [String]
}
