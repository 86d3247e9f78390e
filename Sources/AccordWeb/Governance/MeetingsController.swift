import AccordCore
import Foundation
import Hummingbird

/// Meetings of governance bodies: scheduling within the charter's notice, attendance with quorum, minutes.
struct MeetingsController {
    let views: Views
    let governance: GovernanceService

    var bodiesPage: GovernanceController { GovernanceController(views: views, governance: governance) }

    func register(_ router: Router<AppContext>) {
        router.post(Site.bodyMeetings) { request, context, ids in
            let (user, alliance, body) = try await bodiesPage.managed(context, bodyID: ids.1)
            let form = try await FormData.read(request, context: context)
            let input = MeetingInput(
                title: form["title"], date: form["date"], time: form["time"], location: form["location"], agenda: form["agenda"],
                noticeOverride: form["noticeOverride"])
            do {
                let meeting = try await governance.scheduleMeeting(input, for: body, by: user)
                return redirect(Site.meeting.path(alliance.id, meeting.id), .meetingScheduled)
            } catch let error as DomainError where !error.fieldErrors.isEmpty {
                return try await bodiesPage.index(
                    context, alliance, user: user, notice: nil,
                    meetingError: .init(bodyID: body.id, errors: error.fieldErrors, input: input), status: .unprocessableContent)
            }
        }
        router.get(Site.meeting) { request, context in
            let (user, alliance, body, meeting) = try await visible(context, Site.meeting)
            return try await page(
                context, alliance, body, meeting, user: user, notice: LayoutModel.notice(request.queryValues["notice"]), errors: [])
        }
        router.post(Site.meetingAttendance) { request, context in
            try await change(request, context, Site.meetingAttendance, notice: .attendanceSaved) { form, meeting, user in
                try await governance.setAttendance(meeting, attendees: form.all("attendee"), by: user)
            }
        }
        router.post(Site.meetingMinutes) { request, context in
            try await change(request, context, Site.meetingMinutes, notice: .minutesSaved) { form, meeting, user in
                let input = MinutesInput(minutes: form["minutes"], status: form["status"], documents: form["documents"])
                _ = try await governance.saveMinutes(meeting, input, expectedVersion: form.version, by: user)
            }
        }
    }

    /// Applies a change from the meeting page; field errors show on the page with 422.
    func change(
        _ request: Request, _ context: AppContext, _ route: SiteRoute<(UUID, UUID)>, notice: Notice,
        _ apply: (FormData, Meeting, SignedIn) async throws -> Void
    ) async throws -> Response {
        let (user, alliance, body, meeting) = try await managed(context, route)
        let form = try await FormData.read(request, context: context)
        do {
            try await apply(form, meeting, user)
        } catch let error as DomainError where !error.fieldErrors.isEmpty {
            return try await page(
                context, alliance, body, meeting, user: user, notice: nil, errors: error.fieldErrors, status: .unprocessableContent)
        }
        return redirect(Site.meeting.path(alliance.id, meeting.id), notice)
    }

    /// The meeting if the user may see its body (partner users: shared bodies of their alliances only).
    func visible(_ context: AppContext, _ route: SiteRoute<(UUID, UUID)>) async throws -> (SignedIn, Alliance, GovernanceBody, Meeting) {
        let user = try context.requireUser()
        let alliance = try await governance.access.visibleAlliance(Site.allianceID(in: context), user)
        let (body, meeting) = try await governance.governanceMeeting(try route.ids(in: context).1, of: alliance, user)
        return (user, alliance, body, meeting)
    }

    func managed(_ context: AppContext, _ route: SiteRoute<(UUID, UUID)>) async throws -> (SignedIn, Alliance, GovernanceBody, Meeting) {
        let found = try await visible(context, route)
        try AccessPolicy.require(found.0.principal, .manageGovernance(found.1.id))
        return found
    }

    func page(
        _ context: AppContext, _ alliance: Alliance, _ body: GovernanceBody, _ meeting: Meeting, user: SignedIn, notice: String?,
        errors: [FieldError], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let members = try await governance.members(of: body)
        let attendance = try await governance.attendance(meeting)
        let people = try await governance.people(members.map(\.personID))
        let model = MeetingPage(
            layout: LayoutModel(title: meeting.title, context: context, section: "alliances", notice: notice), alliance: alliance,
            body: body,
            meeting: meeting, members: members, people: people, attendance: attendance,
            canManage: AccessPolicy.allows(user.principal, .manageGovernance(alliance.id)), errors: errors)
        return try views.page(model, .governanceMeeting, status: status)
    }
}

struct MeetingPage: PageModel {

    /// Where the breadcrumb or form leads (the route table, not a path written in the template).

    let portfolioHref = Site.alliances.pattern
    struct Attendee: Sendable {
        let id: String
        let name: String
        let role: String
        let side: String
        let present: Bool
    }
    let layout: LayoutModel
    let title: String
    let allianceName: String
    let allianceHref: String
    let governanceHref: String
    let bodyName: String
    let when: String
    let location: String?
    let agenda: [String]
    let hasAgenda: Bool
    let noticeOverride: String?
    let attendees: [Attendee]
    let hasMembers: Bool
    let quorumMet: Bool
    let quorumText: String
    let attendanceAction: String
    let minutesAction: String
    let minutes: String
    let minutesStatus: String
    let statusOptions: [OptionModel]
    let documents: [String]
    let documentsText: String
    let hasDocuments: Bool
    let approved: Bool
    let version: Int
    let canManage: Bool
    let errors: [String]
    let hasErrors: Bool

    init(
        layout: LayoutModel, alliance: Alliance, body: GovernanceBody, meeting: Meeting, members: [BodyMember], people: [UUID: Person],
        attendance: [UUID: Side], canManage: Bool, errors: [FieldError]
    ) {
        self.layout = layout
        title = meeting.title
        allianceName = alliance.name
        allianceHref = Site.alliance.path(alliance.id)
        governanceHref = Site.governance.path(alliance.id)
        bodyName = body.name
        when = "\(meeting.date) at \(meeting.time) UTC"
        location = meeting.location
        agenda = meeting.agenda
        hasAgenda = !meeting.agenda.isEmpty
        noticeOverride = meeting.noticeOverride
        attendees = members.map {
            Attendee(
                id: $0.personID.lowercaseText, name: people[$0.personID]?.name ?? "Former team member", role: $0.role.label,
                side: $0.side.label, present: attendance[$0.personID] != nil)
        }
        hasMembers = !members.isEmpty
        let voting = members.filter { $0.role.isVoting && attendance[$0.personID] != nil }.map(\.side)
        quorumMet = DecisionRules.quorum(body.charter, attending: voting)
        let ours = voting.filter { $0 == .ours }.count
        let partner = voting.count - ours
        quorumText =
            "\(quorumMet ? "Quorum met" : "No quorum"): \(ours) of ours and \(partner) of the partner's voting members present; the charter needs \(body.charter.quorumPerParty) of each."
        attendanceAction = Site.meetingAttendance.path(alliance.id, meeting.id)
        minutesAction = Site.meetingMinutes.path(alliance.id, meeting.id)
        minutes = meeting.minutes ?? ""
        minutesStatus = meeting.minutesStatus.label
        statusOptions = OptionModel.list(MinutesStatus.self, selected: meeting.minutesStatus.rawValue)
        documents = meeting.documents
        documentsText = meeting.documents.joined(separator: "\n")
        hasDocuments = !meeting.documents.isEmpty
        approved = meeting.minutesStatus == .approved
        version = meeting.version
        self.canManage = canManage
        self.errors = errors.map(\.message)
        hasErrors = !errors.isEmpty
    }
}
