import AccordCore
import Foundation
import Testing

@testable import AccordWeb

/// The response schemas are read off the Swift types: what `ShapeRecorder` makes of each kind of field.
@Suite struct ShapeRecorderTests {
    struct Line: Codable, APIShaped {
        let text: String
    }

    struct Sample: Codable, APIShaped {
        static let schemaName: String? = "Sample"
        static let schemaDescription: String? = "A sample"
        static let fieldNotes: [String: APIFieldNote] = ["count": .about("How many"), "code": .schema(.text(max: 3))]
        let id: UUID
        let count: Int
        let side: Side
        @Null var phase: LifecyclePhase?
        @Null var due: LocalDate?
        let code: String
        let omitted: String?
        let lines: [Line]
        let at: Date
    }

    struct Misnoted: Codable, APIShaped {
        static let fieldNotes: [String: APIFieldNote] = ["nothing": .about("A field it does not have")]
        let text: String
    }

    struct Unpublished: Codable, APIShaped {
        enum Colour: String, Codable, CaseIterable { case red }
        let colour: Colour
    }

    func json(_ schema: APISchema) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(schema.json.pretty.utf8)) as! [String: Any]
    }

    @Test func readsFieldsTypesPresenceAndNullability() throws {
        let recorder = ShapeRecorder()
        #expect(recorder.schema(of: Sample.self) == .ref("Sample"))
        #expect(recorder.problems.isEmpty && recorder.named.map(\.0) == ["Sample"])
        let sample = try json(recorder.named[0].1)
        #expect(sample["description"] as? String == "A sample" && sample["additionalProperties"] as? Bool == false)
        // Required: every field but the plain optional, which is left out when empty; `@Null` ones are always there.
        #expect(sample["required"] as? [String] == ["id", "count", "side", "phase", "due", "code", "lines", "at"])
        let properties = sample["properties"] as! [String: [String: Any]]
        #expect(properties["id"]?["format"] as? String == "uuid" && properties["at"]?["format"] as? String == "date-time")
        #expect(properties["count"]?["type"] as? String == "integer" && properties["count"]?["description"] as? String == "How many")
        #expect(properties["side"]?["$ref"] as? String == "#/components/schemas/Side")
        let phase = properties["phase"]?["anyOf"] as? [[String: Any]]
        #expect(phase?.first?["$ref"] as? String == "#/components/schemas/LifecyclePhase" && phase?.last?["type"] as? String == "null")
        #expect(properties["due"]?["type"] as? [String] == ["string", "null"] && properties["due"]?["format"] as? String == "date")
        #expect(properties["code"]?["maxLength"] as? Int == 3)
        #expect(properties["omitted"]?["type"] as? String == "string")
        let items = (properties["lines"]?["items"] as? [String: Any])?["properties"] as? [String: [String: Any]]
        #expect(items?["text"]?["type"] as? String == "string")
    }

    @Test func refusesANoteForAMissingFieldAndAnUnpublishedEnumeration() {
        let recorder = ShapeRecorder()
        _ = recorder.schema(of: Misnoted.self)
        _ = recorder.schema(of: Unpublished.self)
        #expect(recorder.problems.count == 2, "\(recorder.problems)")
        #expect(recorder.problems.first?.contains("nothing") == true)
    }
}
