import AccordCore
import Foundation
import Testing

/// Version 7 ids sort in the order they were made, within a millisecond too, and keep their random part.
@Suite struct TimeOrderedIDTests {
    @Test func idsMadeInOneMillisecondSortInTheOrderMade() {
        let state = IDGenerator.TimeOrdered()
        let ids = (0..<5000).map { _ in state.next(milliseconds: 1_780_000_000_000) }
        let texts = ids.map(\.canonicalText)
        #expect(texts == texts.sorted(), "text order is the order made, though all share one millisecond")
        #expect(Set(texts).count == ids.count)
        // The first 48 bits are the millisecond (more than 4,096 in one millisecond borrow the next ones).
        #expect(texts[0].hasPrefix("019E7044-8800-7"))
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(bytes[14] == UInt8(ascii: "7"), "version 7")
            #expect("89AB".utf8.contains(bytes[19]), "RFC 9562 variant")
        }
    }

    @Test func aClockThatStepsBackStillCountsUp() {
        let state = IDGenerator.TimeOrdered()
        let later = state.next(milliseconds: 2_000_000)
        let earlier = state.next(milliseconds: 1_000_000)
        let next = state.next(milliseconds: 3_000_000)
        #expect(later.canonicalText < earlier.canonicalText && earlier.canonicalText < next.canonicalText)
    }

    @Test func theSharedGeneratorOrdersItsIds() {
        let ids = (0..<1000).map { _ in IDGenerator.timeOrdered.next().canonicalText }
        #expect(ids == ids.sorted())
    }
}
