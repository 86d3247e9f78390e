import Foundation
import Mustache

/// Turns a page model into dictionaries and arrays once, before rendering.
/// swift-mustache looks names up by reflection, building a Mirror of the object for every lookup, and walks up
/// the context for names an object lacks (every nil optional, every layout value used in a loop). On a
/// portfolio page with hundreds of rows and options that was most of the request's time (perf, bench/run).
/// Dictionaries answer the same lookups directly, with the same meaning: a nil optional is simply absent.
enum TemplateTree {
    static func convert(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let parent as any MustacheParent: return parent
        case let array as [Any]: return array.map(convert)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                return mirror.children.first.map { convert($0.value) } ?? value
            case .struct, .class:
                var object: [String: Any] = [:]
                object.reserveCapacity(Int(mirror.children.count))
                for child in mirror.children {
                    guard let label = child.label, let present = unwrap(child.value) else { continue }
                    object[label] = convert(present)
                }
                return object
            default:
                return value
            }
        }
    }

    /// The value inside an optional, or nil when it is empty; other values unchanged.
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.flatMap { unwrap($0.value) }
    }
}
