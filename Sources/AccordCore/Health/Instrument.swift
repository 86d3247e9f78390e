import Foundation

/// A relationship-health survey: dimensions of scored questions, plus open questions.
/// Instruments are versioned: a wave keeps the version it was sent with.
public struct Instrument: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var version: Int
    public var dimensions: [Dimension]
    public var openQuestions: [String]

    public init(key: String, name: String, version: Int, dimensions: [Dimension], openQuestions: [String]) {
        self.key = key
        self.name = name
        self.version = version
        self.dimensions = dimensions
        self.openQuestions = openQuestions
    }

    public var questions: [Question] { dimensions.flatMap(\.questions) }

    /// The dimension a question belongs to.
    public func dimension(of questionKey: String) -> Dimension? {
        dimensions.first { $0.questions.contains { $0.key == questionKey } }
    }

    /// Keys unique, every question with five anchors, at least one question per dimension.
    public func validate() throws(DomainError) {
        var v = Validator()
        if dimensions.isEmpty { v.add("dimensions", "An instrument needs at least one dimension.") }
        var seen: Set<String> = []
        for dimension in dimensions {
            if dimension.questions.isEmpty { v.add("dimensions.\(dimension.key)", "\(dimension.name) has no questions.") }
            for question in dimension.questions {
                if !seen.insert(question.key).inserted { v.add("questions.\(question.key)", "Question key \(question.key) is used twice.") }
                if question.anchors.count != 5 || question.anchors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    v.add("questions.\(question.key)", "Question \(question.key) needs a written anchor for each score from 1 to 5.")
                }
            }
        }
        try v.check()
    }
}

/// A facet of the relationship, such as trust or decision making.
public struct Dimension: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var questions: [Question]

    public init(key: String, name: String, questions: [Question]) {
        self.key = key
        self.name = name
        self.questions = questions
    }
}

/// A statement scored 1-5, with what each score means written out.
public struct Question: Sendable, Equatable, Codable {
    public var key: String
    public var text: String
    /// Anchors for scores 1 to 5, in order.
    public var anchors: [String]

    public init(key: String, text: String, anchors: [String]) {
        self.key = key
        self.text = text
        self.anchors = anchors
    }
}
