import AccordCore
import Foundation
import Hummingbird

/// Administrators edit health survey instruments. Saving a version that a wave used makes a new version.
struct InstrumentsController {
    let views: Views
    let health: HealthService

    func register(_ router: Router<AppContext>) {
        router.get(Site.instruments) { request, context in
            try allowed(context)
            let versions = try await current()
            let model = InstrumentListPage(
                layout: LayoutModel(
                    title: "Instruments", context: context, section: "instruments",
                    notice: LayoutModel.notice(request.queryValues["notice"])),
                versions: versions)
            return try views.page(model, .healthInstruments)
        }
        router.get(Site.instrument) { _, context, text in
            try allowed(context)
            let key = text
            let (instrument, isNew) = try await editable(key)
            return try await page(context, InstrumentEditor.fields(instrument), isNew: isNew, errors: [])
        }
        router.post(Site.instrument) { request, context, text in
            let user = try allowed(context)
            let key = text
            let (existing, isNew) = try await editable(key)
            let form = try await FormData.read(request, context: context)
            let edited = InstrumentEditor.instrument(from: { form[$0] }, key: isNew ? (form["key"] ?? "") : existing.key)
            do {
                let (saved, _) = try await health.saveInstrument(edited, isNew: isNew, by: user)
                let notice: Notice = !isNew && saved.instrument.version > existing.version ? .instrumentVersioned : .instrumentSaved
                return redirect(Site.instruments.pattern, notice)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                var values = form.echo
                if !isNew { values["key"] = existing.key }
                return try await page(context, values, isNew: isNew, errors: error.fieldErrors, status: .unprocessableContent)
            }
        }
    }

    @discardableResult
    func allowed(_ context: AppContext) throws -> SignedIn {
        let user = try context.requireUser()
        try AccessPolicy.require(user.principal, .manageInstruments)
        return user
    }

    /// The latest version of each instrument, the default one stored on first use.
    func current() async throws -> [InstrumentVersion] {
        try await health.currentInstruments()
    }

    /// The latest version to edit, or for `new` a copy of the default to start from.
    func editable(_ key: String) async throws -> (Instrument, isNew: Bool) {
        let versions = try await current()
        if key == "new" {
            var start = versions.first { $0.instrument.key == DefaultInstrument.key }?.instrument ?? DefaultInstrument.instrument
            start.key = ""
            start.name = ""
            start.version = 1
            return (start, true)
        }
        guard let latest = versions.first(where: { $0.instrument.key == key }) else { throw DomainError.notFound("No such instrument.") }
        return (latest.instrument, false)
    }

    func page(
        _ context: AppContext, _ values: [String: String], isNew: Bool, errors: [FieldError], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var note: String?
        if !isNew, let latest = try await current().first(where: { $0.instrument.key == values["key"] }) {
            let version = latest.instrument.version
            note =
                latest.waves > 0
                ? "Version \(version) was sent with \(latest.waves) waves, which keep it: saving makes version \(version + 1)."
                : "No wave has used version \(version) yet: saving changes it in place."
        }
        let model = InstrumentEditPage(
            layout: LayoutModel(title: isNew ? "New instrument" : "Edit instrument", context: context, section: "instruments"),
            values: values, isNew: isNew, errors: errors, versionNote: note)
        return try views.page(model, .healthInstrument, status: status)
    }
}
