import AccordCore
import Foundation

/// JSON shapes of the health API. Groups below the anonymity threshold carry no scores.
extension APIModels {
    struct InstrumentSummary: Encodable, APIShaped {
        static let schemaName: String? = "InstrumentSummary"
        let id: UUID
        let key: String
        let name: String
        let version: Int
        let dimensions: Int
        let questions: Int
        let waves: Int

        init(_ v: InstrumentVersion) {
            (id, key, name, version) = (v.id, v.instrument.key, v.instrument.name, v.instrument.version)
            (dimensions, questions, waves) = (v.instrument.dimensions.count, v.instrument.questions.count, v.waves)
        }
    }

    struct InstrumentDetail: Encodable, APIShaped {
        static let schemaName: String? = "Instrument"
        let id: UUID
        let key: String
        let name: String
        let version: Int
        let waves: Int
        let dimensions: [AccordCore.Dimension]
        let openQuestions: [String]

        init(_ v: InstrumentVersion) {
            (id, key, name, version, waves) = (v.id, v.instrument.key, v.instrument.name, v.instrument.version, v.waves)
            (dimensions, openQuestions) = (v.instrument.dimensions, v.instrument.openQuestions)
        }
    }

    struct Rate: Encodable, APIShaped {
        let side: Side
        let function: BusinessFunction
        let invited: Int
        let answered: Int
    }

    struct Wave: Encodable, APIShaped {
        static let schemaName: String? = "Wave"
        let id: UUID
        let allianceId: UUID
        let instrumentId: UUID
        let title: String
        let opensOn: LocalDate
        let closesOn: LocalDate
        let status: WaveStatus
        let invited: Int
        let answered: Int
        let responseRates: [Rate]
        let createdAt: Date

        init(_ w: HealthWave, today: LocalDate, rates: [ResponseRate]) {
            (id, allianceId, instrumentId, title) = (w.id, w.allianceID, w.instrumentID, w.title)
            (opensOn, closesOn, status, createdAt) = (
                w.opensOn, w.closesOn, w.status(on: today), w.createdAt
            )
            invited = rates.map(\.invited).reduce(0, +)
            answered = rates.map(\.answered).reduce(0, +)
            responseRates = rates.map {
                Rate(side: $0.side, function: $0.function, invited: $0.invited, answered: $0.answered)
            }
        }
    }

    struct SurveyLink: Encodable, APIShaped {
        static let fieldNotes: [String: APIFieldNote] = ["url": .about("The personal survey link; shown only in this response")]
        let personId: UUID
        let name: String
        let side: Side
        let function: BusinessFunction
        let url: String
    }

    struct OpenedWave: Encodable, APIShaped {
        static let schemaName: String? = "OpenedWave"
        let wave: Wave
        let links: [SurveyLink]
    }

    struct Group: Encodable, APIShaped {
        static let schemaDescription: String? =
            "A side (or a function within a side); scores only when at least minimumGroupSize people answered."
        static let fieldNotes: [String: APIFieldNote] = [
            "distribution": .about("Answers at scores 1-5; null when the group is below the anonymity threshold")
        ]
        let shown: Bool
        let respondents: Int
        @Null var mean: Double?
        @Null var distribution: [Int]?

        init(_ result: GroupResult) {
            shown = result.score != nil
            respondents = result.respondents
            mean = result.score.map { ($0.mean * 1000).rounded() / 1000 }
            distribution = result.score?.distribution
        }
    }

    struct DimensionScores: Encodable, APIShaped {
        let key: String
        let name: String
        let ours: Group
        let partner: Group
        @Null var gap: Double?
        let gapFlagged: Bool
        let needsAction: Bool
    }

    struct Results: Encodable, APIShaped {
        static let schemaName: String? = "Results"
        let waveId: UUID
        @Null var function: BusinessFunction?
        let minimumGroupSize: Int
        let gapThreshold: Double
        @Null var overall: Double?
        @Null var oursOverall: Double?
        @Null var partnerOverall: Double?
        @Null var band: HealthBand?
        let dimensions: [DimensionScores]
        let comments: [String]
        let responseRates: [Rate]

        init(wave: HealthWave, function: BusinessFunction?, results: WaveResults, settings: HealthSettings, rates: [ResponseRate]) {
            func round(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
            waveId = wave.id
            self.function = function
            minimumGroupSize = settings.minimumGroupSize
            gapThreshold = settings.gapThreshold
            overall = round(results.overall)
            oursOverall = round(results.oursOverall)
            partnerOverall = round(results.partnerOverall)
            band = results.band
            dimensions = results.dimensions.map {
                DimensionScores(
                    key: $0.key, name: $0.name, ours: Group($0.ours), partner: Group($0.partner), gap: round($0.gap),
                    gapFlagged: $0.gapFlagged, needsAction: $0.needsAction)
            }
            comments = results.comments
            responseRates = rates.map {
                Rate(side: $0.side, function: $0.function, invited: $0.invited, answered: $0.answered)
            }
        }
    }

    struct Action: Encodable, APIShaped {
        static let schemaName: String? = "Action"
        let id: UUID
        let waveId: UUID
        let allianceId: UUID
        let dimension: String
        let title: String
        let ownerId: UUID
        let dueOn: LocalDate
        let status: ActionStatus
        let version: Int
        let createdAt: Date

        init(_ a: HealthAction) {
            (id, waveId, allianceId, dimension, title, ownerId) = (a.id, a.waveID, a.allianceID, a.dimensionKey, a.title, a.ownerID)
            (dueOn, status, version, createdAt) = (a.dueOn, a.status, a.version, a.createdAt)
        }
    }
}
