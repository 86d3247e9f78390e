import AccordCore
import Foundation
import Hummingbird

/// The new, create, edit, update and delete routes of a directory record's pages, the same for organisations and
/// people: the form re-renders with 422 and every field error, success redirects to the record (or the list after a
/// delete) with a notice.
struct RecordForms<Input: APIValidatable, Record: Sendable>: Sendable where Input.Valid: Sendable {
    let records: DirectoryRecords<Input, Record>
    /// The list (where creates post and deletes return), the new form, the record page, its edit form and delete target.
    let list: SiteRoute
    let new: SiteRoute
    let show: SiteRoute
    let edit: SiteRoute
    let delete: SiteRoute
    let id: @Sendable (Record) -> UUID
    /// The new form's starting values (from the query, e.g. a preselected organisation).
    let blank: @Sendable (Request) -> Input
    let input: @Sendable (FormData) -> Input
    let current: @Sendable (Record) -> Input
    let form: @Sendable (AppContext, Input, [FieldError], Record?, HTTPResponse.Status) async throws -> Response

    func register(_ router: Router<AppContext>) {
        router.get(RouterPath(new.pattern)) { request, context in
            try AccessPolicy.require(try context.requireUser().principal, .editDirectory)
            return try await form(context, blank(request), [], nil, .ok)
        }
        router.post(RouterPath(list.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let submitted = input(try await FormData.read(request, context: context))
            do {
                let record = try await records.create(try submitted.validate(), by: user)
                return redirect(show.path(id(record)), .created)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, submitted, error.fieldErrors, nil, .unprocessableContent)
            }
        }
        router.get(RouterPath(edit.pattern)) { _, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let record = try await records.find(context.id("id"), user)
            return try await form(context, current(record), [], record, .ok)
        }
        router.post(RouterPath(edit.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let record = try await records.find(context.id("id"), user)
            let data = try await FormData.read(request, context: context)
            let submitted = input(data)
            do {
                _ = try await records.update(
                    id(record), try submitted.validate(), expectedVersion: data["version"].flatMap { Int($0) }, by: user)
                return redirect(show.path(id(record)), .updated)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await form(context, submitted, error.fieldErrors, record, .unprocessableContent)
            }
        }
        router.post(RouterPath(delete.pattern)) { request, context in
            let user = try context.requireUser()
            try AccessPolicy.require(user.principal, .editDirectory)
            let recordID = try context.id("id")
            _ = try await FormData.read(request, context: context)
            try await records.delete(recordID, by: user)
            return redirect(list.pattern, .deleted)
        }
    }
}
