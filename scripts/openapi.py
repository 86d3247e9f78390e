#!/usr/bin/env python3
"""Writes the OpenAPI 3.1 document of Accord's JSON API.

The document is the API's contract, committed once as Sources/AccordWeb/Resources/openapi.json and served at
/api/v1/openapi.json. Run `python3 scripts/openapi.py` after changing the API; `python3 scripts/openapi.py --check`
fails when the committed file is not what this script writes. The enumerations
come from the domain types through `accord api-enums` (ACCORD=path/to/accord, or the script builds it).
AccordWebTests/OpenAPITests checks that the document and the registered routes (and enum values) agree.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGETS = [ROOT / "Sources" / "AccordWeb" / "Resources" / "openapi.json"]

def domain_enums():
    """The API's enumerations from the domain types (`accord api-enums`), so none is written here a second time.

    Uses $ACCORD when set (scripts/test passes the binary it built), else builds the `accord` product first."""
    accord = os.environ.get("ACCORD")
    if not accord:
        subprocess.run(["swift", "build", "--product", "accord"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
        accord = str(pathlib.Path(bin_path.stdout.strip()) / "accord")
    out = subprocess.run([accord, "api-enums"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


ENUMS = domain_enums()

def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}

def nullable(schema):
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    s = dict(schema)
    s["type"] = [s["type"], "null"]
    return s

def text(max_length, **extra):
    return {"type": "string", "maxLength": max_length, **extra}

UUID = {"type": "string", "format": "uuid"}
DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
STAMP = {"type": "string", "format": "date-time"}

def obj(properties, required, description=None):
    schema = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema

ORG_FIELDS = {
    "name": text(120), "kind": ref("OrganizationKind"), "country": nullable(text(80)),
    "website": nullable(text(200, description="Starts with https:// or http://")), "notes": nullable(text(4000)),
}
PERSON_FIELDS = {
    "organizationId": UUID, "name": text(120), "email": text(254, format="idn-email"), "title": nullable(text(120)),
    "function": ref("BusinessFunction"), "level": ref("Level"),
}
ALLIANCE_FIELDS = {
    "name": text(160), "partnerId": UUID, "type": ref("AllianceType"), "status": ref("OperationalStatus"),
    "phase": ref("LifecyclePhase"), "transition": nullable(ref("LifecycleTransition")), "tier": ref("StrategicTier"),
    "ourSponsorId": nullable(UUID), "ourManagerId": nullable(UUID), "partnerSponsorId": nullable(UUID),
    "partnerManagerId": nullable(UUID), "products": nullable(text(500)), "territories": nullable(text(500)),
    "effectiveDate": nullable(DATE), "termEndDate": nullable(DATE), "renewalNoticeDate": nullable(DATE),
    "valueAmount": nullable({"type": "string", "pattern": r"^[0-9][0-9,]*(\.[0-9]{1,2})?$",
                             "description": "Non-negative, at most two decimals, e.g. 1250000.00"}),
    "valueCurrency": nullable({"type": "string", "pattern": "^[A-Za-z]{3}$", "description": "ISO 4217 code"}),
    "description": nullable(text(4000, description="Shared with partner users")),
    "internalNotes": nullable(text(4000, description="Never shown to partner users")),
}
VERSION = {"type": "integer", "minimum": 1, "description": "The version you last read; a stale version gets 409."}
RECORD = {"version": {"type": "integer"}, "createdAt": STAMP, "updatedAt": STAMP}

SCHEMAS = {name: {"type": "string", "enum": values} for name, values in ENUMS.items()}
SCHEMAS.update({
    "FieldError": obj({"field": {"type": "string"}, "message": {"type": "string"}}, ["field", "message"]),
    "Problem": obj({"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                    "detail": {"type": "string"}, "errors": {"type": "array", "items": ref("FieldError")}},
                   ["type", "title", "status", "detail"], "RFC 9457 problem details; `errors` lists invalid fields."),
    "Me": obj({"id": UUID, "email": {"type": "string"}, "name": {"type": "string"}, "role": ref("Role"),
               "personId": UUID}, ["id", "email", "name", "role"]),
    "OrganizationCreate": obj(ORG_FIELDS, ["name", "kind"]),
    "OrganizationUpdate": obj({**ORG_FIELDS, "version": VERSION}, ["name", "kind", "version"]),
    "Organization": obj({"id": UUID, **ORG_FIELDS, **RECORD}, ["id", "name", "kind", "version", "createdAt", "updatedAt"]),
    "PersonCreate": obj(PERSON_FIELDS, ["organizationId", "name", "email", "function", "level"]),
    "PersonUpdate": obj({**PERSON_FIELDS, "version": VERSION}, ["organizationId", "name", "email", "function", "level", "version"]),
    "Person": obj({"id": UUID, **PERSON_FIELDS, **RECORD},
                  ["id", "organizationId", "name", "email", "function", "level", "version", "createdAt", "updatedAt"]),
    "AllianceCreate": obj(ALLIANCE_FIELDS, ["name", "partnerId", "type", "status", "phase", "tier"]),
    "AllianceUpdate": obj({**ALLIANCE_FIELDS, "version": VERSION}, ["name", "partnerId", "type", "status", "phase", "tier", "version"]),
    "Alliance": obj({"id": UUID, **ALLIANCE_FIELDS,
                     "tier": {**nullable(ref("StrategicTier")), "description": "Our internal assessment: null for partner users"},
                     "partnerName": nullable({"type": "string"}), **RECORD},
                    ["id", "name", "partnerId", "type", "status", "phase", "tier", "version", "createdAt", "updatedAt"]),
    "MembershipCreate": obj({"personId": UUID, "role": ref("TeamRole")}, ["personId", "role"]),
    "Membership": obj({"id": UUID, "allianceId": UUID, "personId": UUID, "side": ref("Side"), "role": ref("MembershipRole"),
                       "createdAt": STAMP}, ["id", "allianceId", "personId", "side", "role", "createdAt"]),
})
KEY = {"type": "string", "pattern": "^[a-z0-9.-]{2,60}$"}
QUESTION = obj({"key": KEY, "text": text(500), "anchors": {"type": "array", "items": text(300), "minItems": 5, "maxItems": 5,
                                                            "description": "What scores 1 to 5 mean, in order"}},
               ["key", "text", "anchors"])
DIMENSION = obj({"key": KEY, "name": text(120), "questions": {"type": "array", "items": QUESTION, "minItems": 1}},
                ["key", "name", "questions"])
RATE = obj({"side": ref("Side"), "function": ref("BusinessFunction"), "invited": {"type": "integer"},
            "answered": {"type": "integer"}}, ["side", "function", "invited", "answered"])
GROUP = obj({"shown": {"type": "boolean"}, "respondents": {"type": "integer"},
             "mean": {"type": ["number", "null"]},
             "distribution": {"type": ["array", "null"], "items": {"type": "integer"},
                              "description": "Answers at scores 1-5; null when the group is below the anonymity threshold"}},
            ["shown", "respondents", "mean", "distribution"],
            "A side (or a function within a side); scores only when at least minimumGroupSize people answered.")
ACTION_FIELDS = {"dimension": KEY, "title": text(300), "ownerId": UUID, "dueOn": DATE, "status": ref("ActionStatus")}
SCHEMAS.update({
    "InstrumentSummary": obj({"id": UUID, "key": KEY, "name": {"type": "string"}, "version": {"type": "integer"},
                              "dimensions": {"type": "integer"}, "questions": {"type": "integer"}, "waves": {"type": "integer"}},
                             ["id", "key", "name", "version", "dimensions", "questions", "waves"]),
    "InstrumentSave": obj({"key": KEY, "name": text(120), "dimensions": {"type": "array", "items": DIMENSION, "minItems": 1},
                           "openQuestions": {"type": "array", "items": text(500), "maxItems": 10}},
                          ["key", "name", "dimensions"],
                          "Saved by key: a new instrument, an edit in place while no wave used the latest version, "
                          "or else a new version."),
    "Instrument": obj({"id": UUID, "key": KEY, "name": {"type": "string"}, "version": {"type": "integer"},
                       "waves": {"type": "integer"}, "dimensions": {"type": "array", "items": DIMENSION},
                       "openQuestions": {"type": "array", "items": {"type": "string"}}},
                      ["id", "key", "name", "version", "waves", "dimensions", "openQuestions"]),
    "WaveCreate": obj({"title": text(120), "opensOn": DATE, "closesOn": DATE,
                       "respondentIds": {"type": "array", "items": UUID,
                                         "description": "People on the alliance's team; all of them when absent"},
                       "instrumentId": nullable({**UUID, "description": "The latest version of an instrument; the default when absent"})},
                      ["title", "opensOn", "closesOn"]),
    "Wave": obj({"id": UUID, "allianceId": UUID, "instrumentId": UUID, "title": {"type": "string"}, "opensOn": DATE,
                 "closesOn": DATE, "status": ref("WaveStatus"), "invited": {"type": "integer"}, "answered": {"type": "integer"},
                 "responseRates": {"type": "array", "items": RATE}, "createdAt": STAMP},
                ["id", "allianceId", "instrumentId", "title", "opensOn", "closesOn", "status", "invited", "answered",
                 "responseRates", "createdAt"]),
    "OpenedWave": obj({"wave": ref("Wave"), "links": {"type": "array", "items": obj(
        {"personId": UUID, "name": {"type": "string"}, "side": ref("Side"), "function": ref("BusinessFunction"),
         "url": {"type": "string", "description": "The personal survey link; shown only in this response"}},
        ["personId", "name", "side", "function", "url"])}}, ["wave", "links"]),
    "WaveStatusChange": obj({"status": ref("WaveStatus")}, ["status"],
                            "closed: close early; open: reopen one closed by hand before its close date; reviewed: once every "
                            "dimension that needs an action has one"),
    "Results": obj({"waveId": UUID, "function": nullable(ref("BusinessFunction")), "minimumGroupSize": {"type": "integer"},
                    "gapThreshold": {"type": "number"}, "overall": {"type": ["number", "null"]},
                    "oursOverall": {"type": ["number", "null"]}, "partnerOverall": {"type": ["number", "null"]},
                    "band": nullable(ref("HealthBand")),
                    "dimensions": {"type": "array", "items": obj(
                        {"key": KEY, "name": {"type": "string"}, "ours": GROUP, "partner": GROUP, "gap": {"type": ["number", "null"]},
                         "gapFlagged": {"type": "boolean"}, "needsAction": {"type": "boolean"}},
                        ["key", "name", "ours", "partner", "gap", "gapFlagged", "needsAction"])},
                    "comments": {"type": "array", "items": {"type": "string"}},
                    "responseRates": {"type": "array", "items": RATE}},
                   ["waveId", "function", "minimumGroupSize", "gapThreshold", "overall", "oursOverall", "partnerOverall", "band",
                    "dimensions", "comments", "responseRates"]),
    "ActionCreate": obj(ACTION_FIELDS, ["dimension", "title", "ownerId", "dueOn"]),
    "ActionUpdate": obj({**ACTION_FIELDS, "version": VERSION}, ["dimension", "title", "ownerId", "dueOn", "version"]),
    "Action": obj({"id": UUID, "waveId": UUID, "allianceId": UUID, **ACTION_FIELDS, "version": {"type": "integer"},
                   "createdAt": STAMP},
                  ["id", "waveId", "allianceId", "dimension", "title", "ownerId", "dueOn", "status", "version", "createdAt"]),
})
COUNT = lambda lo, hi, d: {"type": "integer", "minimum": lo, "maximum": hi, "description": d}
STEP_IN = obj({"decidedBy": text(200), "days": COUNT(1, 365, "Days this step has to decide"),
               "finalSay": nullable(ref("Side")),
               "excludedMatters": {"type": "array", "items": text(200), "description": "Matters where the final say does not apply"}},
              ["decidedBy", "days"])
STEP_OUT = obj({"decidedBy": {"type": "string"}, "days": {"type": "integer"}, "finalSay": nullable(ref("Side")),
                "excludedMatters": {"type": "array", "items": {"type": "string"}}},
               ["decidedBy", "days", "finalSay", "excludedMatters"])
BODY_FIELDS = {
    "name": text(120), "kind": ref("BodyKind"),
    "parentId": nullable({**UUID, "description": "A body of the same alliance this one reports to"}),
    "visibility": {**ref("Visibility"), "description": "shared (default): partner users see it"},
    "minMembersPerParty": COUNT(1, 20, "Default 1"), "maxMembersPerParty": COUNT(1, 20, "Default 4"),
    "parityRequired": {"type": "boolean", "description": "Default true"},
    "quorumPerParty": COUNT(1, 20, "Members of each party needed for a quorum; default 1"),
    "decisionRule": ref("DecisionRule"), "minMeetingsPerYear": COUNT(0, 52, "Default 4"),
    "noticeDays": COUNT(0, 180, "Default 30"),
    "escalation": {"type": "array", "items": STEP_IN, "maxItems": 6, "description": "The escalation ladder, in order"},
}
CHARTER = obj({"minMembersPerParty": {"type": "integer"}, "maxMembersPerParty": {"type": "integer"},
               "parityRequired": {"type": "boolean"}, "quorumPerParty": {"type": "integer"}, "decisionRule": ref("DecisionRule"),
               "minMeetingsPerYear": {"type": "integer"}, "noticeDays": {"type": "integer"},
               "escalation": {"type": "array", "items": STEP_OUT}},
              ["minMembersPerParty", "maxMembersPerParty", "parityRequired", "quorumPerParty", "decisionRule", "minMeetingsPerYear",
               "noticeDays", "escalation"])
ITEM_FIELDS = {"title": text(300), "ownerId": {**UUID, "description": "A person on the alliance's team (either side)"},
               "dueOn": DATE, "status": ref("ActionStatus"),
               "meetingId": nullable({**UUID, "description": "The meeting that made it"}),
               "decisionId": nullable({**UUID, "description": "The decision that made it (not with meetingId)"}),
               "visibility": ref("Visibility")}
SCHEMAS.update({
    "BodyCreate": obj(BODY_FIELDS, ["name", "kind", "decisionRule"]),
    "BodyUpdate": obj({**BODY_FIELDS, "version": VERSION}, ["name", "kind", "decisionRule", "version"]),
    "BodyMember": obj({"id": UUID, "bodyId": UUID, "personId": UUID, "side": ref("Side"), "role": ref("BodyRole"),
                       "createdAt": STAMP}, ["id", "bodyId", "personId", "side", "role", "createdAt"]),
    "BodyMemberCreate": obj({"personId": {**UUID, "description": "A person on the alliance's team; the side follows"},
                             "role": ref("BodyRole")}, ["personId", "role"]),
    "Body": obj({"id": UUID, "allianceId": UUID, "parentId": nullable(UUID), "name": {"type": "string"}, "kind": ref("BodyKind"),
                 "visibility": ref("Visibility"), "charter": CHARTER,
                 "members": {"type": "array", "items": ref("BodyMember")},
                 "warnings": {"type": "array", "items": obj({"kind": ref("GovernanceWarningKind"), "message": {"type": "string"}},
                                                            ["kind", "message"])},
                 **RECORD},
                ["id", "allianceId", "parentId", "name", "kind", "visibility", "charter", "members", "warnings", "version",
                 "createdAt", "updatedAt"]),
    "MeetingCreate": obj({"title": text(160), "date": DATE,
                          "time": {"type": "string", "pattern": "^[0-9]{1,2}:[0-9]{2}$", "description": "HH:MM UTC; default 09:00"},
                          "location": nullable(text(200)), "agenda": {"type": "array", "items": text(300), "maxItems": 40},
                          "noticeOverride": nullable(text(300, description="Why the meeting is called inside the charter's notice period; "
                                                                           "required to do so"))},
                         ["title", "date"]),
    "Attendance": obj({"personIds": {"type": "array", "items": UUID, "description": "Members of the body who attended"}},
                      ["personIds"], "Replaces the attendance of a meeting that has taken place"),
    "MinutesSave": obj({"minutes": nullable(text(20000)), "status": ref("MinutesStatus"),
                        "documents": {"type": "array", "items": text(500), "maxItems": 20, "description": "http(s) links"},
                        "version": VERSION}, ["version"]),
    "Meeting": obj({"id": UUID, "bodyId": UUID, "allianceId": UUID, "title": {"type": "string"}, "date": DATE,
                    "time": {"type": "string"}, "location": nullable({"type": "string"}),
                    "agenda": {"type": "array", "items": {"type": "string"}}, "noticeOverride": nullable({"type": "string"}),
                    "minutes": nullable({"type": "string"}), "minutesStatus": ref("MinutesStatus"),
                    "documents": {"type": "array", "items": {"type": "string"}},
                    "attendance": {"type": ["array", "null"], "items": obj({"personId": UUID, "side": ref("Side")}, ["personId", "side"]),
                                   "description": "For one meeting; null in lists"},
                    "quorumMet": {"type": ["boolean", "null"], "description": "For one meeting; null in lists"},
                    "version": {"type": "integer"}, "createdAt": STAMP},
                   ["id", "bodyId", "allianceId", "title", "date", "time", "location", "agenda", "noticeOverride", "minutes",
                    "minutesStatus", "documents", "attendance", "quorumMet", "version", "createdAt"]),
    "DecisionCreate": obj({"title": text(300), "details": nullable(text(4000))}, ["title"]),
    "Votes": obj({"meetingId": {**UUID, "description": "A meeting of the body that has taken place"},
                  "votes": {"type": "array", "minItems": 1,
                            "items": obj({"personId": UUID, "vote": ref("Vote")}, ["personId", "vote"]),
                            "description": "Votes of members who attended"}}, ["meetingId", "votes"]),
    "DecisionStatusChange": obj({"status": ref("DecisionMove")}, ["status"],
                                "escalated: next step of the ladder; resolved: end a deadlock or escalation; deferred / proposed: "
                                "put off or reopen a proposal"),
    "Supersede": obj({"successorId": {**UUID, "description": "A later decision of the same body"}}, ["successorId"]),
    "Decision": obj({"id": UUID, "bodyId": UUID, "allianceId": UUID, "meetingId": nullable(UUID), "title": {"type": "string"},
                     "details": nullable({"type": "string"}), "status": ref("DecisionStatus"),
                     "escalation": nullable(obj({"step": {"type": "integer"}, "decidedBy": {"type": "string"}, "startedOn": DATE,
                                                 "deadline": DATE, "overdue": {"type": "boolean"}},
                                                ["step", "decidedBy", "startedOn", "deadline", "overdue"])),
                     "supersededBy": nullable(UUID),
                     "votes": {"type": ["array", "null"], "items": obj({"personId": UUID, "side": ref("Side"), "vote": ref("Vote")},
                                                                        ["personId", "side", "vote"]),
                               "description": "For one decision; null in lists"},
                     "version": {"type": "integer"}, "createdAt": STAMP},
                    ["id", "bodyId", "allianceId", "meetingId", "title", "details", "status", "escalation", "supersededBy", "votes",
                     "version", "createdAt"]),
    "ActionItemCreate": obj(ITEM_FIELDS, ["title", "ownerId", "dueOn"]),
    "ActionItemUpdate": obj({**ITEM_FIELDS, "version": VERSION}, ["title", "ownerId", "dueOn", "version"]),
    "ActionItem": obj({"id": UUID, "allianceId": UUID, "title": {"type": "string"}, "ownerId": UUID, "dueOn": DATE,
                       "status": ref("ActionStatus"), "overdue": {"type": "boolean"}, "meetingId": nullable(UUID),
                       "decisionId": nullable(UUID), "visibility": ref("Visibility"), "version": {"type": "integer"},
                       "createdAt": STAMP},
                      ["id", "allianceId", "title", "ownerId", "dueOn", "status", "overdue", "meetingId", "decisionId", "visibility",
                       "version", "createdAt"]),
})
DECIMAL = {"type": "string", "pattern": r"^[0-9][0-9,]*(\.[0-9]{1,2})?$", "description": "Non-negative, at most two decimals"}
OBLIGATION_FIELDS = {
    "title": text(200), "kind": ref("ObligationKind"), "direction": ref("ObligationDirection"),
    "dueOn": nullable({**DATE, "description": "A fixed due date (without triggerId)"}),
    "triggerId": nullable({**UUID, "description": "Due offsetDays after this trigger event of the alliance"}),
    "offsetDays": nullable({"type": "integer", "minimum": -3650, "maximum": 3650}),
    "recurrence": ref("Recurrence"), "recursUntil": nullable(DATE),
    "openEnded": {"type": "boolean", "description": "A recurrence with no end date must say so"},
    "amount": nullable({**DECIMAL, "description": "Payments: the amount due per occurrence"}),
    "currency": nullable({"type": "string", "pattern": "^[A-Za-z]{3}$", "description": "ISO 4217; payments only"}),
    "notes": nullable(text(4000)), "visibility": ref("Visibility"),
}
OCCURRENCE = obj({"index": {"type": "integer"}, "dueOn": DATE, "state": ref("ExecutionState"), "overdue": {"type": "boolean"},
                  "executedAmount": nullable({"type": "string"}), "executedOn": nullable(DATE), "note": nullable({"type": "string"})},
                 ["index", "dueOn", "state", "overdue", "executedAmount", "executedOn", "note"])
SCHEMAS.update({
    "ObligationCreate": obj(OBLIGATION_FIELDS, ["title", "kind", "direction"]),
    "ObligationUpdate": obj({**OBLIGATION_FIELDS, "version": VERSION}, ["title", "kind", "direction", "version"]),
    "Obligation": obj({"id": UUID, "allianceId": UUID, "title": {"type": "string"}, "kind": ref("ObligationKind"),
                       "direction": ref("ObligationDirection"), "dueOn": nullable(DATE), "triggerId": nullable(UUID),
                       "offsetDays": {"type": ["integer", "null"]}, "recurrence": ref("Recurrence"), "recursUntil": nullable(DATE),
                       "openEnded": {"type": "boolean"}, "amount": nullable({"type": "string"}),
                       "currency": nullable({"type": "string"}), "notes": nullable({"type": "string"}), "visibility": ref("Visibility"),
                       "occurrences": {"type": "array", "items": OCCURRENCE,
                                       "description": "Dated occurrences up to 36 months ahead; empty while the trigger has no date"},
                       **RECORD},
                      ["id", "allianceId", "title", "kind", "direction", "dueOn", "triggerId", "offsetDays", "recurrence",
                       "recursUntil", "openEnded", "amount", "currency", "notes", "visibility", "occurrences", "version",
                       "createdAt", "updatedAt"]),
    "ExecutionSave": obj({"state": ref("ExecutionState"), "executedAmount": nullable(DECIMAL), "executedOn": nullable(DATE),
                          "note": nullable(text(1000))}, ["state"],
                         "Partly executed payments need the amount paid so far (less than the amount due) and the date; fully "
                         "executed needs the date"),
    "TriggerCreate": obj({"name": text(120), "occurredOn": nullable(DATE)}, ["name"]),
    "TriggerUpdate": obj({"name": text(120), "occurredOn": nullable(DATE), "version": VERSION}, ["name", "version"]),
    "Trigger": obj({"id": UUID, "allianceId": UUID, "name": {"type": "string"}, "occurredOn": nullable(DATE),
                    "version": {"type": "integer"}, "createdAt": STAMP},
                   ["id", "allianceId", "name", "occurredOn", "version", "createdAt"]),
})
SIGNED = {"type": "string", "pattern": r"^-?[0-9][0-9,]*(\.[0-9]{1,2})?$", "description": "A number with at most two decimals"}
SCHEMAS.update({
    "GoalCreate": obj({"title": text(200), "term": ref("GoalTerm"), "ownerId": {**UUID, "description": "A person on the alliance's team"},
                       "status": ref("GoalStatus")}, ["title", "term", "ownerId"]),
    "GoalStatusChange": obj({"status": ref("GoalStatus")}, ["status"]),
    "Goal": obj({"id": UUID, "allianceId": UUID, "title": {"type": "string"}, "term": ref("GoalTerm"), "ownerId": UUID,
                 "status": ref("GoalStatus"), "version": {"type": "integer"}, "createdAt": STAMP},
                ["id", "allianceId", "title", "term", "ownerId", "status", "version", "createdAt"]),
    "KPICreate": obj({"name": text(160), "category": ref("KPICategory"), "unit": text(24), "target": SIGNED,
                      "direction": ref("KPIDirection"), "goalId": nullable({**UUID, "description": "One of the alliance's goals"})},
                     ["name", "category", "unit", "target", "direction"]),
    "MeasurementSave": obj({"on": DATE, "value": SIGNED, "note": nullable(text(500))}, ["on", "value"],
                           "A second measurement on the same day replaces the first; dates in the future are refused"),
    "KPI": obj({"id": UUID, "allianceId": UUID, "goalId": nullable(UUID), "name": {"type": "string"}, "category": ref("KPICategory"),
                "unit": {"type": "string"}, "target": {"type": "string"}, "direction": ref("KPIDirection"), "status": ref("KPIStatus"),
                "measurements": {"type": "array", "items": obj({"on": DATE, "value": {"type": "string"}, "note": nullable({"type": "string"})},
                                                               ["on", "value", "note"])},
                "version": {"type": "integer"}, "createdAt": STAMP},
               ["id", "allianceId", "goalId", "name", "category", "unit", "target", "direction", "status", "measurements", "version",
                "createdAt"]),
})
CHECKLIST_ITEM = obj({"gate": ref("LifecycleGate"), "text": {"type": "string"}, "done": {"type": "boolean"},
                     "waiver": nullable({"type": "string"})}, ["gate", "text", "done", "waiver"])
LIFECYCLE_CHANGE = obj({
    "id": UUID, "allianceId": UUID, "fromPhase": ref("LifecyclePhase"), "toPhase": ref("LifecyclePhase"),
    "fromTransition": nullable(ref("LifecycleTransition")), "toTransition": nullable(ref("LifecycleTransition")),
    "effectiveOn": DATE, "reason": {"type": "string"}, "status": ref("LifecycleChangeStatus"),
    "checklist": {"type": "array", "items": CHECKLIST_ITEM}, "proposedBy": {"type": "string"},
    "decidedBy": nullable({"type": "string"}), "decidedAt": nullable(STAMP), "version": {"type": "integer"}, "createdAt": STAMP},
    ["id", "allianceId", "fromPhase", "toPhase", "fromTransition", "toTransition", "effectiveOn", "reason", "status", "checklist",
     "proposedBy", "decidedBy", "decidedAt", "version", "createdAt"])
PLAYBOOK_CELLS = {"type": "object", "description": "phase -> function -> involvement; a function left out has no part in that phase",
                  "additionalProperties": {"type": "object", "additionalProperties": ref("Involvement")}}
PLAYBOOK_LIMITS = obj({level: {"type": "integer", "minimum": 1, "maximum": 365} for level in ENUMS["EscalationLevel"]}, [],
                      "Days an open issue may stay at each escalation level")
PLAYBOOK_LISTS = {"type": "object", "description": "gate (phase entered or transition started) -> checklist items",
                  "additionalProperties": {"type": "array", "items": text(200), "maxItems": 20}}
SCHEMAS.update({
    "LifecycleChange": LIFECYCLE_CHANGE,
    "LifecycleChangeCreate": obj({"toPhase": ref("LifecyclePhase"), "toTransition": nullable(ref("LifecycleTransition")),
                                  "effectiveOn": DATE, "reason": text(2000)}, ["toPhase", "effectiveOn", "reason"]),
    "LifecycleCompletion": obj({
        "done": {"type": "array", "items": {"type": "integer", "minimum": 0}, "description": "Indexes of the checklist items done"},
        "waivers": {"type": "object", "additionalProperties": text(500),
                    "description": "Checklist index (as a string) -> the reason the item is waived"},
        "accepted": {"type": "array", "items": {"type": "string"}, "description": "Keys of the proposals to apply"}}, []),
    "Lifecycle": obj({
        "phase": ref("LifecyclePhase"), "transition": nullable(ref("LifecycleTransition")), "playbookVersion": {"type": "integer"},
        "coverage": {"type": "array", "items": obj({
            "function": ref("BusinessFunction"), "involvement": nullable(ref("Involvement")),
            "ours": {"type": "array", "items": UUID}, "partner": {"type": "array", "items": UUID},
            "gapOurs": {"type": "boolean"}, "gapPartner": {"type": "boolean"}},
            ["function", "involvement", "ours", "partner", "gapOurs", "gapPartner"])},
        "pending": nullable(ref("LifecycleChange")),
        "proposals": {"type": "array", "items": obj({
            "key": {"type": "string"}, "action": ref("ProposalAction"), "personId": UUID, "personName": {"type": "string"},
            "side": ref("Side"), "function": ref("BusinessFunction"), "bodyId": nullable(UUID), "needsTeamJoin": {"type": "boolean"},
            "reason": {"type": "string"}},
            ["key", "action", "personId", "personName", "side", "function", "bodyId", "needsTeamJoin", "reason"])},
        "history": {"type": "array", "items": ref("LifecycleChange")}},
        ["phase", "transition", "playbookVersion", "coverage", "pending", "proposals", "history"]),
    "Playbook": obj({"type": ref("AllianceType"), "version": {"type": "integer", "description": "0 while the shipped default is in force"},
                     "isDefault": {"type": "boolean"}, "cells": PLAYBOOK_CELLS, "checklists": PLAYBOOK_LISTS,
                     "limits": PLAYBOOK_LIMITS},
                    ["type", "version", "isDefault", "cells", "checklists", "limits"]),
    "PlaybookReplace": obj({"cells": PLAYBOOK_CELLS, "checklists": PLAYBOOK_LISTS, "limits": PLAYBOOK_LIMITS,
                            "version": {"type": "integer"}}, ["cells", "version"]),
})
ISSUE_FIELDS = {"title": text(200), "details": nullable(text(4000)), "severity": ref("IssueSeverity"),
                "ownerId": {**UUID, "description": "A person on the alliance's team"}, "visibility": ref("Visibility")}
SCHEMAS.update({
    "IssueCreate": obj(ISSUE_FIELDS, ["title", "severity", "ownerId"]),
    "IssueUpdate": obj({**ISSUE_FIELDS, "version": {"type": "integer"}}, ["title", "severity", "ownerId", "version"]),
    "IssueEscalation": obj({"note": nullable(text(1000))}, []),
    "IssueResolution": obj({"resolution": text(2000)}, ["resolution"]),
    "IssueReopening": obj({"note": nullable(text(1000))}, []),
    "Issue": obj({
        "id": UUID, "allianceId": UUID, "title": {"type": "string"}, "details": nullable({"type": "string"}),
        "severity": ref("IssueSeverity"), "ownerId": UUID, "status": ref("IssueStatus"), "visibility": ref("Visibility"),
        "raisedOn": DATE, "level": ref("EscalationLevel"), "daysAtLevel": {"type": "integer"},
        "overdue": {"type": "boolean", "description": "Open and longer at its level than the playbook's limit"},
        "steps": {"type": "array", "items": obj({
            "level": ref("EscalationLevel"), "since": DATE, "until": nullable(DATE), "days": {"type": "integer"},
            "limitDays": {"type": "integer"}, "note": nullable({"type": "string"}), "by": {"type": "string"}},
            ["level", "since", "until", "days", "limitDays", "note", "by"])},
        "resolution": nullable({"type": "string"}), "resolvedOn": nullable(DATE), "version": {"type": "integer"}, "createdAt": STAMP},
        ["id", "allianceId", "title", "details", "severity", "ownerId", "status", "visibility", "raisedOn", "level", "daysAtLevel",
         "overdue", "steps", "resolution", "resolvedOn", "version", "createdAt"]),
})
PAIR_FIELDS = {"ourPersonId": {**UUID, "description": "A person of our company"},
               "partnerPersonId": {**UUID, "description": "A person of the alliance's partner"},
               "level": {**ref("Level"), "description": "Default: our person's level"},
               "function": {**ref("BusinessFunction"), "description": "Default: our person's function"},
               "cadence": ref("ContactCadence"), "lastContact": nullable(DATE),
               "strength": {"type": "integer", "minimum": 1, "maximum": 5}, "notes": nullable(text(1000))}
SCHEMAS.update({
    "PairCreate": obj(PAIR_FIELDS, ["ourPersonId", "partnerPersonId", "strength"]),
    "PairUpdate": obj({**PAIR_FIELDS, "version": {"type": "integer"}}, ["ourPersonId", "partnerPersonId", "strength", "version"]),
    "PairContact": obj({"on": {**DATE, "description": "YYYY-MM-DD, default today"}}, []),
    "Pair": obj({"id": UUID, "allianceId": UUID, "ourPersonId": UUID, "partnerPersonId": UUID, "level": ref("Level"),
                 "function": ref("BusinessFunction"), "cadence": ref("ContactCadence"), "lastContact": nullable(DATE),
                 "contactOverdue": {"type": "boolean"}, "strength": {"type": "integer"}, "notes": nullable({"type": "string"}),
                 "version": {"type": "integer"}, "createdAt": STAMP},
                ["id", "allianceId", "ourPersonId", "partnerPersonId", "level", "function", "cadence", "lastContact", "contactOverdue",
                 "strength", "notes", "version", "createdAt"]),
    "RelationshipMap": obj({"pairs": {"type": "array", "items": ref("Pair")},
                            "levelGaps": {"type": "array", "items": ref("Level")},
                            "functionGaps": {"type": "array", "items": ref("BusinessFunction"),
                                             "description": "Functions the current phase needs with no pair"},
                            "averageStrength": nullable({"type": "number"})},
                           ["pairs", "levelGaps", "functionGaps", "averageStrength"]),
})
CULTURE_SCORES = obj({scale: {"type": "integer", "minimum": 1, "maximum": 5} for scale in ENUMS["CultureScale"]}, [],
                    "Scale -> 1 to 5 (see docs/LIFECYCLE.md for the poles); a scale left out is not assessed")
DIFFERENCE_FIELDS = {"scale": nullable(ref("CultureScale")), "difference": text(500), "risk": text(1000), "leverage": text(1000),
                     "ownerId": {**UUID, "description": "A person of our company"}, "status": ref("DifferenceStatus"),
                     "dueOn": nullable(DATE)}
SCHEMAS.update({
    "Culture": obj({"organizationId": UUID, "scores": CULTURE_SCORES, "timeZones": nullable({"type": "string"}),
                    "languages": nullable({"type": "string"}), "workingNorms": nullable({"type": "string"}),
                    "version": {"type": "integer", "description": "0 until the profile is first saved"},
                    "comparison": {"type": "array", "description": "For a partner: each scale beside ours", "items": obj({
                        "scale": ref("CultureScale"), "ours": nullable({"type": "integer"}), "theirs": nullable({"type": "integer"}),
                        "gap": nullable({"type": "integer"}), "difference": {"type": "boolean"}},
                        ["scale", "ours", "theirs", "gap", "difference"])}},
                   ["organizationId", "scores", "timeZones", "languages", "workingNorms", "version", "comparison"]),
    "CultureUpdate": obj({"scores": CULTURE_SCORES, "timeZones": nullable(text(200)), "languages": nullable(text(200)),
                          "workingNorms": nullable(text(4000)), "version": {"type": "integer"}}, ["version"]),
    "DifferenceCreate": obj(DIFFERENCE_FIELDS, ["difference", "risk", "leverage", "ownerId"]),
    "DifferenceUpdate": obj({**DIFFERENCE_FIELDS, "version": {"type": "integer"}}, ["difference", "risk", "leverage", "ownerId", "version"]),
    "Difference": obj({"id": UUID, "organizationId": UUID, "scale": nullable(ref("CultureScale")), "difference": {"type": "string"},
                       "risk": {"type": "string"}, "leverage": {"type": "string"}, "ownerId": UUID, "status": ref("DifferenceStatus"),
                       "dueOn": nullable(DATE), "overdue": {"type": "boolean"}, "version": {"type": "integer"}, "createdAt": STAMP},
                      ["id", "organizationId", "scale", "difference", "risk", "leverage", "ownerId", "status", "dueOn", "overdue", "version",
                       "createdAt"]),
})
for item in ["Organization", "Person", "Alliance", "Membership", "InstrumentSummary", "Wave", "Action", "Body", "Meeting", "Decision",
             "ActionItem", "Obligation", "Trigger", "Goal", "KPI", "Playbook", "Issue", "Difference"]:
    SCHEMAS[item + "List"] = obj({"items": {"type": "array", "items": ref(item)}, "page": {"type": "integer"},
                                  "perPage": {"type": "integer"}, "total": {"type": "integer"}, "pageCount": {"type": "integer"}},
                                 ["items", "page", "perPage", "total", "pageCount"])

PROBLEM_TEXT = {
    400: "Malformed JSON, a body that is not an object, or invalid query parameters",
    401: "No valid API token",
    403: "Your role does not allow this",
    404: "No such record, or one you may not know exists",
    409: "A stale version, or a record still in use",
    413: "Body larger than 64 KiB",
    415: "Body is not application/json",
    422: "Invalid or unknown fields; `errors` names each",
}

def problem(code):
    return {"description": PROBLEM_TEXT[code], "content": {"application/problem+json": {"schema": ref("Problem")}}}

def ok(code, schema, description):
    response = {"description": description, "content": {"application/json": {"schema": ref(schema)}}}
    if code in (200, 201) and schema in ("Organization", "Person", "Alliance", "Body", "Meeting", "Decision", "ActionItem", "Obligation", "Trigger", "Goal", "KPI", "LifecycleChange", "Playbook", "Issue", "Pair", "Culture", "Difference"):
        response["headers"] = {"ETag": {"schema": {"type": "string"}, "description": "The record's version, quoted"}}
    return response

def op(op_id, summary, tag, responses, errors, params=(), body=None):
    operation = {"operationId": op_id, "summary": summary, "tags": [tag], "responses": {}}
    for code, (schema, description) in responses.items():
        operation["responses"][str(code)] = {"description": description} if schema is None else ok(code, schema, description)
    for code in errors:
        operation["responses"][str(code)] = problem(code)
    if params:
        operation["parameters"] = list(params)
    if body:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
    return operation

def path_id(name="id", description="The record's id"):
    return {"name": name, "in": "path", "required": True, "description": description, "schema": UUID}

def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}

PAGING = [query("page", {"type": "integer", "minimum": 1, "maximum": 1000000}, "Page number, from 1"),
          query("per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Items per page (default 25)")]
ALLIANCE_FILTERS = [
    query("type", ref("AllianceType"), "Only this type"), query("status", ref("OperationalStatus"), "Only this status"),
    query("phase", ref("LifecyclePhase"), "Only this phase"), query("partner", UUID, "Only this partner organisation"),
    query("manager", UUID, "Only alliances run by this alliance manager (our side)"),
    query("q", text(100), "Text in the name, partner or products"), query("sort", ref("AllianceSort"), "Sort key (default name)"),
    query("dir", {"type": "string", "enum": ["asc", "desc"]}, "Sort direction"),
] + PAGING

def crud(collection, item, tag, list_params, list_errors):
    plural = collection.strip("/").split("/")[-1]
    return {
        f"/api/v1{collection}": {
            "get": op(f"list{item}s" if item != "Person" else "listPeople", f"List {plural}", tag, {200: (item + "List", "One page")},
                      list_errors, list_params),
            "post": op(f"create{item}", f"Create a {item.lower()}", tag, {201: (item, "Created")},
                       [400, 401, 403, 413, 415, 422], body=item + "Create"),
        },
        f"/api/v1{collection}/{{id}}": {
            "get": op(f"get{item}", f"One {item.lower()}", tag, {200: (item, "The record")},
                      [401, 403, 404] if item != "Alliance" else [401, 404], [path_id()]),
            "put": op(f"update{item}", f"Replace a {item.lower()}'s fields", tag, {200: (item, "Updated")},
                      [400, 401, 403, 404, 409, 413, 415, 422], [path_id()], item + "Update"),
            "delete": op(f"delete{item}", f"Delete a {item.lower()}", tag, {204: (None, "Deleted")}, [401, 403, 404, 409], [path_id()]),
        },
    }

PATHS = {
    "/api/v1/openapi.json": {"get": {"operationId": "getOpenAPIDocument", "summary": "This document", "tags": ["Meta"],
                                     "security": [], "responses": {"200": {"description": "The OpenAPI document",
                                                                           "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    "/api/v1/me": {"get": op("getMe", "The token's user", "Meta", {200: ("Me", "The user")}, [401])},
}
PATHS.update(crud("/organizations", "Organization", "Organisations", PAGING, [400, 401, 403]))
PATHS.update(crud("/people", "Person", "People", PAGING + [query("organization", UUID, "Only this organisation"),
                                                          query("q", text(100), "Text in the name or email")], [400, 401, 403]))
PATHS.update(crud("/alliances", "Alliance", "Alliances", ALLIANCE_FILTERS, [400, 401]))
PATHS["/api/v1/alliances/{id}/members"] = {
    "get": op("listMembers", "The alliance's team", "Alliances", {200: ("MembershipList", "Every member")}, [401, 404], [path_id()]),
    "post": op("addMember", "Add a person to the team", "Alliances", {201: ("Membership", "Added")},
               [400, 401, 403, 404, 413, 415, 422], [path_id()], "MembershipCreate"),
}
PATHS["/api/v1/alliances/{id}/members/{memberId}"] = {
    "delete": op("removeMember", "Remove a team member", "Alliances", {204: (None, "Removed")}, [401, 403, 404, 409],
                 [path_id(), path_id("memberId", "The membership's id")]),
}

WAVE = "/api/v1/alliances/{id}/health/waves/{waveId}"
WAVE_PARAMS = [path_id(description="The alliance's id"), path_id("waveId", "The wave's id")]
PATHS["/api/v1/health/instruments"] = {
    "get": op("listInstruments", "Every version of every health instrument", "Health",
              {200: ("InstrumentSummaryList", "All versions, newest first per key")}, [401, 403]),
    "post": op("saveInstrument", "Create or edit an instrument (administrators)", "Health",
               {200: ("Instrument", "Saved (in place or as a new version)"), 201: ("Instrument", "Created")},
               [400, 401, 403, 413, 415, 422], body="InstrumentSave"),
}
PATHS["/api/v1/health/instruments/{id}"] = {
    "get": op("getInstrument", "One instrument version with its questions", "Health", {200: ("Instrument", "The version")},
              [401, 403, 404], [path_id()]),
}
PATHS["/api/v1/alliances/{id}/health/waves"] = {
    "get": op("listWaves", "The alliance's health waves", "Health", {200: ("WaveList", "Every wave, oldest first")},
              [401, 403, 404], [path_id()]),
    "post": op("openWave", "Open a wave and get each respondent's one-time link", "Health", {201: ("OpenedWave", "Opened")},
               [400, 401, 403, 404, 413, 415, 422], [path_id()], "WaveCreate"),
}
PATHS[WAVE] = {"get": op("getWave", "One wave with response rates", "Health", {200: ("Wave", "The wave")}, [401, 403, 404],
                         WAVE_PARAMS)}
PATHS[WAVE + "/status"] = {
    "post": op("setWaveStatus", "Close, reopen or mark a wave reviewed", "Health", {200: ("Wave", "The wave")},
               [400, 401, 403, 404, 409, 413, 415, 422], WAVE_PARAMS, "WaveStatusChange"),
}
PATHS[WAVE + "/results"] = {
    "get": op("getResults", "Aggregated results; groups below the anonymity threshold carry no scores", "Health",
              {200: ("Results", "The results")}, [400, 401, 403, 404],
              WAVE_PARAMS + [query("function", ref("BusinessFunction"), "Only respondents of this function")]),
}
PATHS[WAVE + "/results.csv"] = {
    "get": {"operationId": "exportResults", "summary": "Aggregated results as CSV (no individual answers)", "tags": ["Health"],
            "parameters": WAVE_PARAMS,
            "responses": {"200": {"description": "CSV, one row per scope, dimension and side",
                                  "content": {"text/csv": {"schema": {"type": "string"}}}},
                          **{str(c): problem(c) for c in [401, 403, 404]}}},
}
PATHS[WAVE + "/actions"] = {
    "get": op("listActions", "The wave's action plan", "Health", {200: ("ActionList", "Every action")}, [401, 403, 404], WAVE_PARAMS),
    "post": op("addAction", "Add an action for a dimension", "Health", {201: ("Action", "Added")},
               [400, 401, 403, 404, 413, 415, 422], WAVE_PARAMS, "ActionCreate"),
}
PATHS[WAVE + "/actions/{actionId}"] = {
    "put": op("updateAction", "Replace an action's fields", "Health", {200: ("Action", "Updated")},
              [400, 401, 403, 404, 409, 413, 415, 422], WAVE_PARAMS + [path_id("actionId", "The action's id")], "ActionUpdate"),
}

G = "/api/v1/alliances/{id}/governance"
A = [path_id(description="The alliance's id")]
BODY_P = A + [path_id("bodyId", "The body's id")]
MEETING_P = A + [path_id("meetingId", "The meeting's id")]
DECISION_P = A + [path_id("decisionId", "The decision's id")]
CHANGE = [400, 401, 403, 404, 409, 413, 415, 422]
PATHS[G + "/bodies"] = {
    "get": op("listBodies", "The alliance's governance bodies with charters, members and warnings", "Governance",
              {200: ("BodyList", "Every body the user may see")}, [401, 404], A),
    "post": op("createBody", "Create a body with its charter", "Governance", {201: ("Body", "Created")}, CHANGE, A, "BodyCreate"),
}
PATHS[G + "/bodies/{bodyId}"] = {
    "get": op("getBody", "One body", "Governance", {200: ("Body", "The body")}, [401, 404], BODY_P),
    "put": op("updateBody", "Replace a body's name and charter", "Governance", {200: ("Body", "Updated")}, CHANGE, BODY_P,
              "BodyUpdate"),
}
PATHS[G + "/bodies/{bodyId}/members"] = {
    "post": op("addBodyMember", "Seat a team member on the body (refused above the charter's maximum)", "Governance",
               {201: ("BodyMember", "Added")}, CHANGE, BODY_P, "BodyMemberCreate"),
}
PATHS[G + "/bodies/{bodyId}/members/{memberId}"] = {
    "delete": op("removeBodyMember", "Remove a member from the body", "Governance", {204: (None, "Removed")}, [401, 403, 404, 409],
                 BODY_P + [path_id("memberId", "The body membership's id")]),
}
PATHS[G + "/bodies/{bodyId}/meetings"] = {
    "post": op("scheduleMeeting", "Schedule a meeting (inside the notice period only with noticeOverride)", "Governance",
               {201: ("Meeting", "Scheduled")}, CHANGE, BODY_P, "MeetingCreate"),
}
PATHS[G + "/bodies/{bodyId}/decisions"] = {
    "post": op("proposeDecision", "Propose a decision to the body", "Governance", {201: ("Decision", "Proposed")}, CHANGE, BODY_P,
               "DecisionCreate"),
}
PATHS[G + "/meetings"] = {
    "get": op("listMeetings", "Meetings of the bodies the user may see, by date", "Governance",
              {200: ("MeetingList", "Every meeting")}, [401, 404], A),
}
PATHS[G + "/meetings/{meetingId}"] = {
    "get": op("getMeeting", "One meeting with attendance and quorum", "Governance", {200: ("Meeting", "The meeting")}, [401, 404],
              MEETING_P),
}
PATHS[G + "/meetings/{meetingId}/attendance"] = {
    "put": op("setAttendance", "Record who attended a meeting that has taken place", "Governance", {200: ("Meeting", "Saved")},
              CHANGE, MEETING_P, "Attendance"),
}
PATHS[G + "/meetings/{meetingId}/minutes"] = {
    "put": op("saveMinutes", "Save minutes and document links; approved minutes are final", "Governance",
              {200: ("Meeting", "Saved")}, CHANGE, MEETING_P, "MinutesSave"),
}
PATHS[G + "/decisions"] = {
    "get": op("listDecisions", "The decision register", "Governance", {200: ("DecisionList", "Every decision")}, [401, 404], A),
}
PATHS[G + "/decisions/{decisionId}"] = {
    "get": op("getDecision", "One decision with its votes and escalation clock", "Governance", {200: ("Decision", "The decision")},
              [401, 404], DECISION_P),
}
PATHS[G + "/decisions/{decisionId}/votes"] = {
    "post": op("recordVotes", "Record votes cast at a meeting; the charter's rule decides, a deadlock starts the ladder",
               "Governance", {200: ("Decision", "The decision after the votes")}, CHANGE, DECISION_P, "Votes"),
}
PATHS[G + "/decisions/{decisionId}/status"] = {
    "post": op("setDecisionStatus", "Escalate, resolve, defer or reopen a decision", "Governance",
               {200: ("Decision", "The decision")}, CHANGE, DECISION_P, "DecisionStatusChange"),
}
PATHS[G + "/decisions/{decisionId}/supersede"] = {
    "post": op("supersedeDecision", "Mark a decision superseded by a later one", "Governance", {200: ("Decision", "The decision")},
               CHANGE, DECISION_P, "Supersede"),
}
PATHS[G + "/actions"] = {
    "get": op("listActionItems", "The alliance's governance action items", "Governance",
              {200: ("ActionItemList", "Every action item the user may see")}, [401, 404], A),
    "post": op("addActionItem", "Add an action item", "Governance", {201: ("ActionItem", "Added")}, CHANGE, A, "ActionItemCreate"),
}
PATHS[G + "/actions/{actionId}"] = {
    "put": op("updateActionItem", "Replace an action item's fields", "Governance", {200: ("ActionItem", "Updated")}, CHANGE,
              A + [path_id("actionId", "The action item's id")], "ActionItemUpdate"),
}

O = "/api/v1/alliances/{id}/obligations"
OBLIGATION_P = A + [path_id("obligationId", "The obligation's id")]
PATHS[O] = {
    "get": op("listObligations", "The alliance's obligations with their dated occurrences", "Obligations",
              {200: ("ObligationList", "Every obligation the user may see")}, [401, 404], A),
    "post": op("createObligation", "Record an obligation", "Obligations", {201: ("Obligation", "Created")}, CHANGE, A, "ObligationCreate"),
}
PATHS[O + ".csv"] = {
    "get": {"operationId": "exportObligations", "summary": "Obligations as CSV, one row per occurrence", "tags": ["Obligations"],
            "parameters": A,
            "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                          **{str(c): problem(c) for c in [401, 404]}}},
}
PATHS[O + "/{obligationId}"] = {
    "get": op("getObligation", "One obligation", "Obligations", {200: ("Obligation", "The obligation")}, [401, 404], OBLIGATION_P),
    "put": op("updateObligation", "Replace an obligation's fields", "Obligations", {200: ("Obligation", "Updated")}, CHANGE,
              OBLIGATION_P, "ObligationUpdate"),
}
PATHS[O + "/{obligationId}/occurrences/{index}"] = {
    "put": op("recordExecution", "Record what was executed for one occurrence", "Obligations", {200: ("Obligation", "The obligation")},
              CHANGE, OBLIGATION_P + [{"name": "index", "in": "path", "required": True, "description": "The occurrence, from 0",
                                        "schema": {"type": "integer", "minimum": 0, "maximum": 9999}}], "ExecutionSave"),
}
PATHS["/api/v1/alliances/{id}/triggers"] = {
    "get": op("listTriggers", "The alliance's trigger events", "Obligations", {200: ("TriggerList", "Every event")}, [401, 404], A),
    "post": op("createTrigger", "Add a trigger event", "Obligations", {201: ("Trigger", "Created")}, CHANGE, A, "TriggerCreate"),
}
PATHS["/api/v1/alliances/{id}/triggers/{triggerId}"] = {
    "put": op("updateTrigger", "Rename an event or record its date; dependent due dates follow", "Obligations",
              {200: ("Trigger", "Updated")}, CHANGE, A + [path_id("triggerId", "The trigger event's id")], "TriggerUpdate"),
}

AL = "/api/v1/alliances/{id}"
PATHS[AL + "/goals"] = {
    "get": op("listGoals", "The alliance's joint goals", "Goals", {200: ("GoalList", "Every goal")}, [401, 404], A),
    "post": op("createGoal", "Add a goal", "Goals", {201: ("Goal", "Created")}, CHANGE, A, "GoalCreate"),
}
PATHS[AL + "/goals/{goalId}/status"] = {
    "post": op("setGoalStatus", "Set a goal's status", "Goals", {200: ("Goal", "The goal")}, CHANGE,
               A + [path_id("goalId", "The goal's id")], "GoalStatusChange"),
}
PATHS[AL + "/kpis"] = {
    "get": op("listKPIs", "KPIs with their measurements and status", "Goals", {200: ("KPIList", "Every KPI")}, [401, 404], A),
    "post": op("createKPI", "Add a KPI", "Goals", {201: ("KPI", "Created")}, CHANGE, A, "KPICreate"),
}
PATHS[AL + "/kpis.csv"] = {
    "get": {"operationId": "exportKPIs", "summary": "KPIs as CSV, one row per measurement", "tags": ["Goals"], "parameters": A,
            "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                          **{str(c): problem(c) for c in [401, 404]}}},
}
PATHS[AL + "/kpis/{kpiId}/measurements"] = {
    "post": op("recordMeasurement", "Record a dated measurement", "Goals", {200: ("KPI", "The KPI with its measurements")}, CHANGE,
               A + [path_id("kpiId", "The KPI's id")], "MeasurementSave"),
}

CHANGE_P = A + [path_id("changeId", "The phase change's id")]
PATHS[AL + "/lifecycle"] = {
    "get": op("getLifecycle", "Coverage against the playbook, the pending change with its proposals, the phase history", "Lifecycle",
              {200: ("Lifecycle", "The alliance's lifecycle")}, [401, 403, 404], A),
}
PATHS[AL + "/lifecycle/changes"] = {
    "post": op("startLifecycleChange", "Start a phase change or transition (its checklist comes from the playbook)", "Lifecycle",
               {201: ("LifecycleChange", "Pending")}, CHANGE, A, "LifecycleChangeCreate"),
}
PATHS[AL + "/lifecycle/changes/{changeId}/complete"] = {
    "post": op("completeLifecycleChange", "Settle the checklist, move the alliance and apply the accepted proposals in one step",
               "Lifecycle", {200: ("LifecycleChange", "Completed")}, CHANGE, CHANGE_P, "LifecycleCompletion"),
}
PATHS[AL + "/lifecycle/changes/{changeId}/cancel"] = {
    "post": op("cancelLifecycleChange", "Cancel a pending change", "Lifecycle", {200: ("LifecycleChange", "Cancelled")},
               [401, 403, 404, 409], CHANGE_P),
}
ISSUE_P = A + [path_id("issueId", "The issue's id")]
PATHS[AL + "/issues"] = {
    "get": op("listIssues", "The alliance's issue log, with each issue's ladder and clock", "Issues",
              {200: ("IssueList", "Every issue the user may see")}, [401, 404], A),
    "post": op("createIssue", "Log an issue (it starts with the working team)", "Issues", {201: ("Issue", "Logged")}, CHANGE, A,
               "IssueCreate"),
}
PATHS[AL + "/issues/{issueId}"] = {
    "get": op("getIssue", "One issue", "Issues", {200: ("Issue", "The issue")}, [401, 404], ISSUE_P),
    "put": op("updateIssue", "Replace an issue's fields", "Issues", {200: ("Issue", "Updated")}, CHANGE, ISSUE_P, "IssueUpdate"),
}
PATHS[AL + "/issues/{issueId}/escalate"] = {
    "post": op("escalateIssue", "Move an open issue one level up the ladder", "Issues", {200: ("Issue", "Escalated")}, CHANGE,
               ISSUE_P, "IssueEscalation"),
}
PATHS[AL + "/issues/{issueId}/resolve"] = {
    "post": op("resolveIssue", "Resolve an open issue", "Issues", {200: ("Issue", "Resolved")}, CHANGE, ISSUE_P, "IssueResolution"),
}
PATHS[AL + "/issues/{issueId}/reopen"] = {
    "post": op("reopenIssue", "Reopen a resolved issue at the level it reached", "Issues", {200: ("Issue", "Reopened")}, CHANGE,
               ISSUE_P, "IssueReopening"),
}
PAIR_P = A + [path_id("pairId", "The pair's id")]
PATHS[AL + "/relationships"] = {
    "get": op("getRelationshipMap", "Counterpart pairs with gaps by level and function (internal users)", "Relationships",
              {200: ("RelationshipMap", "The map")}, [401, 403, 404], A),
    "post": op("createPair", "Pair one of our people with one of the partner's", "Relationships", {201: ("Pair", "Added")}, CHANGE, A,
               "PairCreate"),
}
PATHS[AL + "/relationships/{pairId}"] = {
    "put": op("updatePair", "Replace a pair's fields", "Relationships", {200: ("Pair", "Updated")}, CHANGE, PAIR_P, "PairUpdate"),
    "delete": op("deletePair", "Remove a pair", "Relationships", {204: (None, "Removed")}, [401, 403, 404], PAIR_P),
}
PATHS[AL + "/relationships/{pairId}/contacts"] = {
    "post": op("recordContact", "Record a contact between the pair", "Relationships", {200: ("Pair", "The pair")}, CHANGE, PAIR_P,
               "PairContact"),
}
ORG_P = [path_id(description="The organisation's id")]
DIFF_P = ORG_P + [path_id("differenceId", "The log entry's id")]
PATHS["/api/v1/organizations/{id}/culture"] = {
    "get": op("getCulture", "An organisation's culture profile; for a partner, each scale beside ours", "Culture",
              {200: ("Culture", "The profile")}, [401, 403, 404], ORG_P),
    "put": op("replaceCulture", "Replace a culture profile", "Culture", {200: ("Culture", "Saved")}, CHANGE, ORG_P, "CultureUpdate"),
}
PATHS["/api/v1/organizations/{id}/culture/differences"] = {
    "get": op("listDifferences", "The differences log with a partner", "Culture", {200: ("DifferenceList", "Every entry")},
              [401, 403, 404], ORG_P),
    "post": op("createDifference", "Log a difference with a partner", "Culture", {201: ("Difference", "Logged")}, CHANGE, ORG_P,
               "DifferenceCreate"),
}
PATHS["/api/v1/organizations/{id}/culture/differences/{differenceId}"] = {
    "put": op("updateDifference", "Replace a log entry", "Culture", {200: ("Difference", "Saved")}, CHANGE, DIFF_P, "DifferenceUpdate"),
}
TYPE_P = [{"name": "type", "in": "path", "required": True, "description": "The alliance type", "schema": ref("AllianceType")}]
PATHS["/api/v1/playbooks"] = {
    "get": op("listPlaybooks", "The involvement playbook of every alliance type", "Lifecycle",
              {200: ("PlaybookList", "One per alliance type")}, [401, 403]),
}
PATHS["/api/v1/playbooks/{type}"] = {
    "get": op("getPlaybook", "One alliance type's playbook", "Lifecycle", {200: ("Playbook", "The playbook")}, [401, 403, 404], TYPE_P),
    "put": op("replacePlaybook", "Replace a playbook (administrators)", "Lifecycle", {200: ("Playbook", "Saved")}, CHANGE, TYPE_P,
              "PlaybookReplace"),
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "Accord API", "version": "1.0.0",
             "description": "Alliances, organisations, people, teams, relationship health, governance, obligations, goals and KPIs, lifecycle and playbooks, issues, relationship maps, culture profiles. Every request needs a personal API token "
                            "(Authorization: Bearer acc_...), created under API tokens in the web app or with "
                            "`accord token create`. The token carries its user's access: partner users see only their "
                            "alliances and never internal notes. Updates are full replacements (PUT) and must carry the "
                            "version last read. Errors are RFC 9457 problem details."},
    "servers": [{"url": "/"}],
    "security": [{"bearerAuth": []}],
    "tags": [{"name": n} for n in ["Alliances", "Health", "Governance", "Obligations", "Goals", "Lifecycle", "Issues", "Relationships", "Culture", "Organisations", "People", "Meta"]],
    "paths": PATHS,
    "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}, "schemas": SCHEMAS},
}

def render():
    return json.dumps(DOCUMENT, indent=2, sort_keys=False) + "\n"

if __name__ == "__main__":
    output = render()
    if "--check" in sys.argv:
        stale = [str(t.relative_to(ROOT)) for t in TARGETS if not t.exists() or t.read_text() != output]
        if stale:
            sys.exit("OpenAPI document out of date (run python3 scripts/openapi.py): " + ", ".join(stale))
        print("OpenAPI document is current.")
    else:
        for target in TARGETS:
            target.write_text(output)
        print("Wrote " + ", ".join(str(t.relative_to(ROOT)) for t in TARGETS))
