import Foundation

/// Every page template, by name. `Views.page` takes one of these, so a page cannot name a template that does not
/// exist, and `Views.load` refuses to start unless each of them is in the bundle.
enum Template: String, CaseIterable, Sendable {
    case accountTokens = "account/tokens"
    case adminUsers = "admin/users"
    case cultureIndex = "culture/index"
    case error
    case form
    case goalsIndex = "goals/index"
    case governanceDecision = "governance/decision"
    case governanceIndex = "governance/index"
    case governanceMeeting = "governance/meeting"
    case governanceMyActions = "governance/my-actions"
    case healthIndex = "health/index"
    case healthInstrument = "health/instrument"
    case healthInstruments = "health/instruments"
    case healthPortfolio = "health/portfolio"
    case healthResults = "health/results"
    case healthSurvey = "health/survey"
    case issuesIndex = "issues/index"
    case lifecycleIndex = "lifecycle/index"
    case lifecyclePlaybook = "lifecycle/playbook"
    case lifecyclePlaybooks = "lifecycle/playbooks"
    case obligationsImport = "obligations/import"
    case obligationsIndex = "obligations/index"
    case obligationsPortfolio = "obligations/portfolio"
    case obligationsReminders = "obligations/reminders"
    case organizationsIndex = "organizations/index"
    case organizationsShow = "organizations/show"
    case peopleIndex = "people/index"
    case peopleShow = "people/show"
    case relationshipsIndex = "relationships/index"
    case signin
}
