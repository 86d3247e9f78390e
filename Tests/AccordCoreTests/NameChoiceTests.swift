import AccordCore
import Foundation
import Testing

/// What a typed name picks out of the records containing it.
@Suite struct NameChoiceTests {
    let norvik = NamedID(id: UUID(), name: "Norvik")
    let norvikBio = NamedID(id: UUID(), name: "Norvik Biologics")
    let nordic = NamedID(id: UUID(), name: "Nordic Bio")

    @Test func theExactNameWinsOverLongerOnes() {
        #expect(NameChoice.resolve(" norvik ", matches: [norvik, norvikBio]) == .chosen(norvik))
    }

    @Test func theOnlyMatchIsChosenAndSeveralAreOffered() {
        #expect(NameChoice.resolve("bio", matches: [norvikBio]) == .chosen(norvikBio))
        #expect(NameChoice.resolve("nor", matches: [nordic, norvikBio]) == .several([nordic, norvikBio]))
        #expect(NameChoice.resolve("zzz", matches: []) == .nothing)
    }

    @Test func matchingInMemoryIgnoresCaseAndKeepsOrder() {
        #expect(NameChoice.matching("BIO", in: [norvik, nordic, norvikBio]) == [nordic, norvikBio])
    }
}
