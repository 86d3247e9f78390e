import AccordCore
import AccordWeb
import Testing

/// Notices are typed: every code is unique, has a message, and the query string finds it again.
@Suite struct NoticeTests {
    @Test func everyNoticeHasOneCodeAndAMessage() {
        let codes = Notice.all.map(\.code)
        #expect(Set(codes).count == codes.count, "duplicate codes")
        // Each feature lists the notices it declares: all 55 (3 shared, 52 declared by the features) are found.
        #expect(Notice.all.count == 55)
        for notice in Notice.all {
            #expect(!notice.message.isEmpty && Notice.message(for: notice.code) == notice.message, "\(notice.code)")
        }
        #expect(Notice.message(for: "obligations-imported-3") == "3 obligations imported.")
        #expect(Notice.message(for: "obligations-imported-0") == nil && Notice.message(for: "no-such-notice") == nil)
        #expect(Notice.wave(.closed) == .waveClosed && Notice.wave(.reviewed) == .waveReviewed)
    }
}
