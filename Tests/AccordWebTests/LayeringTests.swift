import Foundation
import Testing

/// Reads are scoped in the feature services: the code that answers a request (controllers, page models and views,
/// API handlers) holds views and feature services only, so it has no store or repository to read around the access
/// rules with. Each feature service is the one place its repositories are held.
@Suite struct LayeringTests {
    static let web = OpenAPITests.repository.appendingPathComponent("Sources/AccordWeb")

    /// Every Swift file of the web target, by path relative to it.
    static func sources() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)
        var result: [(path: String, text: String)] = []
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            result.append((String(url.path.dropFirst(web.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// What answers requests: controllers, page models, views and API handlers.
    static func answersRequests(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix("Controller.swift") || name.hasSuffix("Page.swift") || name.hasSuffix("Pages.swift")
            || name.hasSuffix("View.swift") || name.hasSuffix("API.swift") || path.hasPrefix("Middleware/")
    }

    /// The readiness probe writes to the database itself: it checks the store, not business data.
    static let exceptions: Set<String> = ["Operations/OperationsController.swift"]

    /// The domain core imports Foundation and, for `@Memberwise` (a compile-time macro, nothing linked), the module
    /// declaring it; never a web, database or other framework.
    @Test func theDomainCoreImportsFoundationAndTheMacroOnly() throws {
        let core = OpenAPITests.repository.appendingPathComponent("Sources/AccordCore")
        let files = FileManager.default.enumerator(at: core, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            checked += 1
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                guard let match = line.wholeMatch(of: /\s*(?:@\w+\s+)?(?:public\s+|internal\s+)?import\s+(\w+).*/) else { continue }
                #expect(["Foundation", "AccordMemberwise"].contains(String(match.output.1)), "\(url.lastPathComponent): \(line)")
            }
        }
        #expect(checked > 40, "found only \(checked) Core files: the walk missed the sources")
    }

    @Test func pagesAndAPIHandlersHoldNoStoreOrRepository() throws {
        let files = try Self.sources().filter { Self.answersRequests($0.path) && !Self.exceptions.contains($0.path) }
        #expect(files.count > 40, "found only \(files.count) request-answering files: the walk missed the sources")
        let forbidden = try Regex(#"\bStore\b|\.store\b|\w+Repository\b|import AccordStore"#)
        for file in files {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(forbidden) {
                Issue.record("\(file.path):\(number + 1) reaches the store: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// Services hold their repositories privately: pages reach data only through the services' scoped steps.
    @Test func featureServicesKeepTheirRepositoriesPrivate() throws {
        let services = try Self.sources().filter { $0.path.hasSuffix("Service.swift") || $0.path.hasSuffix("Records.swift") }
        #expect(services.count >= 15)
        let exposed = try Regex(#"^\s*(let|var) \w+: any \w+Repository"#)
        for file in services {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(exposed) {
                Issue.record("\(file.path):\(number + 1) exposes a repository: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// Templates take every link and form target from their model (built from the route table), never a path
    /// written into the template, so a renamed route cannot leave a dead link behind.
    @Test func templatesWriteNoPaths() throws {
        let root = Self.web.appendingPathComponent("Resources/templates")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let literal = try Regex(#"(href|action|src)="/"#)
        var checked = 0
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            checked += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(literal) {
                Issue.record(
                    "\(url.lastPathComponent):\(number + 1) writes a path: \(line.trimmingCharacters(in: .whitespaces).prefix(120))")
            }
        }
        #expect(checked > 25, "found only \(checked) templates")
    }
}
