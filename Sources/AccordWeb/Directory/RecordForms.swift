import AccordCore
import Foundation
import Hummingbird

/// The new, create, edit, update and delete routes of a directory record's pages, the same for organisations and
/// people: the form re-renders with 422 and every field error, success redirects to the record (or the list after a
/// delete) with a notice.
struct RecordForms<Input: APIValidatable, Record: Sendable>: Sendable where Input.Valid: Sendable {
    let records: DirectoryRecords<Input, Record>
    /// The list (where creates post and deletes return), the new form, the record page, its edit form and delete target.
    let list: SiteRoute<Void>
    let new: SiteRoute<Void>
    let show: SiteRoute<UUID>
    let edit: SiteRoute<UUID>
    let delete: SiteRoute<UUID>
    let id: @Sendable (Record) -> UUID
    /// The new form's starting values (from the query, e.g. a preselected organisation).
    let blank: @Sendable (Request) -> Input
    let input: @Sendable (FormData) -> Input
    let current: @Sendable (Record) -> Input
    /// Resolves the form's choices of records typed by name (see `FormChoice`) into the input, with the messages of
    /// names that picked nothing or several.
    var choose: @Sendable (FormData, inout Input) async throws -> [FieldError] = { _, _ in [] }
    /// Draws the form: afresh, or (with the posted form, to show its choices as resolved) again after a refused save.
    let form: @Sendable (AppContext, Input, [FieldError], Record?, HTTPResponse.Status, FormData?) async throws -> Response

    func register(_ router: Router<AppContext>) {
        router.get(new) { request, context in
            try AccessPolicy.require(try context.requireUser().principal, .editDirectory)
            return try await form(context, blank(request), [], nil, .ok, nil)
        }
        router.post(list) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let data = try await FormData.read(request, context: context)
            var submitted = input(data)
            let unresolved = try await choose(data, &submitted)
            do {
                let record = try await records.create(try FormChoice.validate(unresolved, submitted.validate), by: user)
                return redirect(show.path(id(record)), .created)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, submitted, error.fieldErrors, nil, .unprocessableContent, data)
            }
        }
        router.get(edit) { _, context, recordID in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let record = try await records.find(recordID, user)
            return try await form(context, current(record), [], record, .ok, nil)
        }
        router.post(edit) { request, context, recordID in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let record = try await records.find(recordID, user)
            let data = try await FormData.read(request, context: context)
            var submitted = input(data)
            let unresolved = try await choose(data, &submitted)
            do {
                _ = try await records.update(
                    id(record), try FormChoice.validate(unresolved, submitted.validate),
                    expectedVersion: data["version"].flatMap { Int($0) },
                    by: user)
                return redirect(show.path(id(record)), .updated)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, submitted, error.fieldErrors, record, .unprocessableContent, data)
            }
        }
        router.post(delete) { request, context, recordID in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            _ = try await FormData.read(request, context: context)
            try await records.delete(recordID, by: user)
            return redirect(list.pattern, .deleted)
        }
    }
}
