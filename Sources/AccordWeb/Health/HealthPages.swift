import AccordCore
import Foundation

/// The alliance's health checks: its waves with response rates, and the form that opens a new wave.
struct HealthIndexPage: PageModel {
    /// Where the breadcrumb or form leads (the route table, not a path written in the template).
    let portfolioHref = Site.alliances.pattern
    struct WaveRow: Sendable {
        let title: String
        let href: String
        let dates: String
        let status: String
        let answered: String
    }
    struct Candidate: Sendable {
        let id: String
        let name: String
        let detail: String
        let checked: Bool
    }
    struct Link: Sendable {
        let name: String
        let side: String
        let url: String
    }
    let layout: LayoutModel
    let allianceName: String
    let allianceHref: String
    let action: String
    let waves: [WaveRow]
    let hasWaves: Bool
    let candidates: [Candidate]
    let title: String
    let opensOn: String
    let closesOn: String
    let instruments: [OptionModel]
    let hasInstrumentChoice: Bool
    let errors: [FieldError]
    let hasErrors: Bool
    let links: [Link]
    let hasLinks: Bool
    let minimumGroupSize: Int
}

/// The respondent's survey, reached through a personal link, without an account.
struct SurveyPage: PageModel {
    struct Choice: Sendable {
        let value: String
        let anchor: String
        let checked: Bool
        let id: String
    }
    struct QuestionModel: Sendable {
        let key: String
        let text: String
        let choices: [Choice]
        let comment: String
        let error: String?
    }
    struct DimensionModel: Sendable {
        let name: String
        let questions: [QuestionModel]
    }
    struct OpenModel: Sendable {
        let index: Int
        let text: String
        let answer: String
    }
    let layout: LayoutModel
    let title: String
    let allianceName: String
    let closesOn: String
    let action: String
    let dimensions: [DimensionModel]
    let openQuestions: [OpenModel]
    let errorCount: Int
    let hasErrors: Bool
    let done: Bool
    let closed: Bool
    let message: String?

    /// Builds the page from the instrument and whatever the respondent typed or saved.
    init(
        layout: LayoutModel, wave: HealthWave, allianceName: String, instrument: Instrument, action: String, values: [String: String],
        errors: [FieldError], done: Bool = false, closed: Bool = false, message: String? = nil
    ) {
        self.layout = layout
        self.title = wave.title
        self.allianceName = allianceName
        self.closesOn = wave.closesOn.description
        self.action = action
        dimensions = instrument.dimensions.map { dimension in
            DimensionModel(
                name: dimension.name,
                questions: dimension.questions.map { question in
                    QuestionModel(
                        key: question.key, text: question.text,
                        choices: question.anchors.enumerated().map { index, anchor in
                            Choice(
                                value: String(index + 1), anchor: anchor, checked: values["score." + question.key] == String(index + 1),
                                id: "q-\(question.key.replacingOccurrences(of: ".", with: "-"))-\(index + 1)")
                        }, comment: values["comment." + question.key] ?? "", error: errors.first { $0.field == question.key }?.message)
                })
        }
        openQuestions = instrument.openQuestions.enumerated().map { index, text in
            OpenModel(index: index, text: text, answer: values["open.\(index)"] ?? "")
        }
        errorCount = errors.count
        hasErrors = !errors.isEmpty
        self.done = done
        self.closed = closed
        self.message = message
    }

    /// The submission a posted survey form holds.
    static func submission(_ form: [String: String], instrument: Instrument) -> SurveySubmission {
        var scores: [String: String] = [:]
        var comments: [String: String] = [:]
        for question in instrument.questions {
            if let score = form["score." + question.key] { scores[question.key] = score }
            if let comment = form["comment." + question.key], !comment.trimmingCharacters(in: .whitespaces).isEmpty {
                comments[question.key] = comment
            }
        }
        let open = instrument.openQuestions.indices.map { form["open.\($0)"] ?? "" }
        return SurveySubmission(scores: scores, comments: comments, openAnswers: open)
    }
}
