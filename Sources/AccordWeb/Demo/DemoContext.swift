import AccordCore
import AccordStore
import Foundation

/// What the features' demo steps share while the demo portfolio loads: the store, the actor every demo record is
/// written by, today by the database's clock, and what earlier features created that later ones refer to.
final class DemoContext {
    let store: Store
    let actor = AuditActor(userID: nil, name: "accord demo")
    let today: LocalDate
    let bcryptCost: UInt8
    /// Our company, once the directory has loaded it.
    var ours: Organization?
    /// One person per function for every organisation, by organisation name.
    var people: [String: [BusinessFunction: Person]] = [:]

    init(store: Store, bcryptCost: UInt8) {
        self.store = store
        self.bcryptCost = bcryptCost
        today = LocalDate(date: store.database.clock.now())
    }

    /// Our person in one function.
    func ourPerson(_ function: BusinessFunction) -> Person? {
        ours.flatMap { people[$0.name]?[function] }
    }
}
