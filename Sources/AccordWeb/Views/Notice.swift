import AccordCore
import Foundation

/// A fixed message shown once after a redirect (`?notice=code`). Handlers name one of these instead of writing a
/// code by hand, so a misspelt notice does not compile and every code has its message.
public struct Notice: Sendable, Equatable {
    public let code: String
    public let message: String

    private init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let created = Notice("created", "Saved. The record was created.")
    public static let updated = Notice("updated", "Saved. Your changes are recorded in the history.")
    public static let deleted = Notice("deleted", "Deleted. The deletion is recorded in the audit trail.")
    public static let memberAdded = Notice("member-added", "Team member added.")
    public static let memberRemoved = Notice("member-removed", "Team member removed.")
    public static let password = Notice("password", "Password changed; the user's sessions were signed out.")
    public static let signedOut = Notice("signed-out", "You are signed out.")
    public static let tokenRevoked = Notice("token-revoked", "Token revoked. Requests with it now get 401.")
    public static let actionAdded = Notice("action-added", "Action added to the plan.")
    public static let actionUpdated = Notice("action-updated", "Action updated.")
    public static let waveClosed = Notice("wave-closed", "The wave is closed; its links no longer take answers.")
    public static let waveOpen = Notice("wave-open", "The wave is open again until its close date.")
    public static let waveReviewed = Notice("wave-reviewed", "The wave is marked reviewed.")
    public static let instrumentSaved = Notice("instrument-saved", "Instrument saved.")
    public static let bodyCreated = Notice("body-created", "Body created. Add its members below.")
    public static let bodyUpdated = Notice("body-updated", "Body saved. The change is recorded in the history.")
    public static let bodyMemberAdded = Notice("body-member-added", "Member added.")
    public static let bodyMemberRemoved = Notice("body-member-removed", "Member removed.")
    public static let meetingScheduled = Notice("meeting-scheduled", "Meeting scheduled. Record attendance on the day.")
    public static let attendanceSaved = Notice("attendance-saved", "Attendance saved.")
    public static let minutesSaved = Notice("minutes-saved", "Minutes saved.")
    public static let decisionProposed = Notice("decision-proposed", "Decision proposed. Record the votes at a meeting of the body.")
    public static let votesRecorded = Notice("votes-recorded", "Votes recorded; the outcome follows the charter's decision rule.")
    public static let decisionUpdated = Notice("decision-updated", "Decision updated.")
    public static let itemAdded = Notice("item-added", "Action item added.")
    public static let obligationAdded = Notice("obligation-added", "Obligation added.")
    public static let obligationUpdated = Notice("obligation-updated", "Obligation saved.")
    public static let executionSaved = Notice("execution-saved", "Execution recorded.")
    public static let remindersSaved = Notice("reminders-saved", "Reminders saved.")
    public static let goalAdded = Notice("goal-added", "Goal added.")
    public static let goalUpdated = Notice("goal-updated", "Goal status saved.")
    public static let kpiAdded = Notice("kpi-added", "KPI added.")
    public static let measurementRecorded = Notice("measurement-recorded", "Measurement recorded.")
    public static let notificationsRead = Notice("notifications-read", "Notifications marked as read.")
    public static let triggerSaved = Notice("trigger-saved", "Event saved. Due dates that depend on it follow its date.")
    public static let calendarRevoked = Notice("calendar-revoked", "Calendar feed turned off. Its link no longer works.")
    public static let itemUpdated = Notice("item-updated", "Action item updated.")
    public static let issueLogged = Notice("issue-logged", "Issue logged at the working team level.")
    public static let issueUpdated = Notice("issue-updated", "Issue saved.")
    public static let issueEscalated = Notice("issue-escalated", "Issue escalated; its clock at the new level has started.")
    public static let issueResolved = Notice("issue-resolved", "Issue resolved.")
    public static let issueReopened = Notice("issue-reopened", "Issue reopened at the level it was resolved at.")
    public static let pairAdded = Notice("pair-added", "Pair added to the relationship map.")
    public static let pairUpdated = Notice("pair-updated", "Pair saved.")
    public static let contactRecorded = Notice("contact-recorded", "Contact recorded.")
    public static let pairRemoved = Notice("pair-removed", "Pair removed from the relationship map.")
    public static let profileSaved = Notice("profile-saved", "Culture profile saved.")
    public static let differenceAdded = Notice("difference-added", "Difference added to the log and the road map.")
    public static let differenceUpdated = Notice("difference-updated", "Difference saved.")
    public static let phaseProposed = Notice(
        "phase-proposed", "Phase change started. Settle its checklist and review the proposals, then complete it.")
    public static let phaseCompleted = Notice(
        "phase-completed", "Phase change completed. The alliance, its team and its bodies are updated.")
    public static let phaseCancelled = Notice("phase-cancelled", "Phase change cancelled.")
    public static let gapClosed = Notice("gap-closed", "Added to the team.")
    public static let playbookSaved = Notice("playbook-saved", "Playbook saved. Alliances of this type use it from now on.")
    public static let instrumentVersioned = Notice(
        "instrument-versioned", "Saved as a new version; waves already sent keep the version they used.")

    /// "3 obligations imported." after a CSV import.
    public static func obligationsImported(_ count: Int) -> Notice {
        Notice("obligations-imported-\(count)", count == 1 ? "1 obligation imported." : "\(count) obligations imported.")
    }

    /// After a health wave's status changes.
    public static func wave(_ status: WaveStatus) -> Notice {
        switch status {
        case .closed: waveClosed
        case .open: waveOpen
        case .reviewed: waveReviewed
        }
    }

    public static let all: [Notice] = [
        created,
        updated,
        deleted,
        memberAdded,
        memberRemoved,
        password,
        signedOut,
        tokenRevoked,
        actionAdded,
        actionUpdated,
        waveClosed,
        waveOpen,
        waveReviewed,
        instrumentSaved,
        bodyCreated,
        bodyUpdated,
        bodyMemberAdded,
        bodyMemberRemoved,
        meetingScheduled,
        attendanceSaved,
        minutesSaved,
        decisionProposed,
        votesRecorded,
        decisionUpdated,
        itemAdded,
        obligationAdded,
        obligationUpdated,
        executionSaved,
        remindersSaved,
        goalAdded,
        goalUpdated,
        kpiAdded,
        measurementRecorded,
        notificationsRead,
        triggerSaved,
        calendarRevoked,
        itemUpdated,
        issueLogged,
        issueUpdated,
        issueEscalated,
        issueResolved,
        issueReopened,
        pairAdded,
        pairUpdated,
        contactRecorded,
        pairRemoved,
        profileSaved,
        differenceAdded,
        differenceUpdated,
        phaseProposed,
        phaseCompleted,
        phaseCancelled,
        gapClosed,
        playbookSaved,
        instrumentVersioned,
    ]

    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The message for a code from the query string; nil for an unknown one (nothing is shown).
    public static func message(for code: String?) -> String? {
        guard let code else { return nil }
        let imported = "obligations-imported-"
        if code.hasPrefix(imported), let count = Int(code.dropFirst(imported.count)), count > 0, count <= 500 {
            return obligationsImported(count).message
        }
        return byCode[code]?.message
    }
}
