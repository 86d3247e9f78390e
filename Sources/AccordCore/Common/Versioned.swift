import Foundation

/// A record changed under optimistic concurrency: each change raises `version` by one, and a change made from
/// an older version than the stored one is refused.
public protocol Versioned {
    var version: Int { get }
}

extension Versioned {
    /// Refuses a change made from `expected` when the record is now at another version.
    public func requireVersion(_ expected: Int?, entity: String) throws {
        if let expected, expected != version {
            throw DomainError.conflict(
                "This \(entity) was changed by someone else (version \(version), you had \(expected)). Reload and try again.")
        }
    }
}

extension Alliance: Versioned {}
extension Organization: Versioned {}
extension Person: Versioned {}
extension User: Versioned {}
extension TriggerEvent: Versioned {}
extension Obligation: Versioned {}
extension Goal: Versioned {}
extension KPI: Versioned {}
extension GovernanceBody: Versioned {}
extension ActionItem: Versioned {}
extension Meeting: Versioned {}
extension Decision: Versioned {}
extension CounterpartPair: Versioned {}
extension LifecycleChange: Versioned {}
extension Playbook: Versioned {}
extension Issue: Versioned {}
extension HealthAction: Versioned {}
extension CultureProfile: Versioned {}
extension CultureDifference: Versioned {}
