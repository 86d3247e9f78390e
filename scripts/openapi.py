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

def generated():
    """The document as the Swift declarations write it (`accord openapi`): the operations, the enumerations and the
    schemas derived so far; this script adds the schemas not yet derived.

    Uses $ACCORD when set (scripts/test passes the binary it built), else builds the `accord` product first."""
    accord = os.environ.get("ACCORD")
    if not accord:
        subprocess.run(["swift", "build", "--product", "accord"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
        accord = str(pathlib.Path(bin_path.stdout.strip()) / "accord")
    out = subprocess.run([accord, "openapi"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


GENERATED = generated()
ENUMS = {name: s["enum"] for name, s in GENERATED["components"]["schemas"].items() if "enum" in s}

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

SCHEMAS = {}
SCHEMAS.update({
    "OrganizationCreate": obj(ORG_FIELDS, ["name", "kind"]),
    "OrganizationUpdate": obj({**ORG_FIELDS, "version": VERSION}, ["name", "kind", "version"]),
    "PersonCreate": obj(PERSON_FIELDS, ["organizationId", "name", "email", "function", "level"]),
    "PersonUpdate": obj({**PERSON_FIELDS, "version": VERSION}, ["organizationId", "name", "email", "function", "level", "version"]),
    "AllianceCreate": obj(ALLIANCE_FIELDS, ["name", "partnerId", "type", "status", "phase", "tier"]),
    "AllianceUpdate": obj({**ALLIANCE_FIELDS, "version": VERSION}, ["name", "partnerId", "type", "status", "phase", "tier", "version"]),
    "MembershipCreate": obj({"personId": UUID, "role": ref("TeamRole")}, ["personId", "role"]),
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
    "InstrumentSave": obj({"key": KEY, "name": text(120), "dimensions": {"type": "array", "items": DIMENSION, "minItems": 1},
                           "openQuestions": {"type": "array", "items": text(500), "maxItems": 10}},
                          ["key", "name", "dimensions"],
                          "Saved by key: a new instrument, an edit in place while no wave used the latest version, "
                          "or else a new version."),
    "WaveCreate": obj({"title": text(120), "opensOn": DATE, "closesOn": DATE,
                       "respondentIds": {"type": "array", "items": UUID,
                                         "description": "People on the alliance's team; all of them when absent"},
                       "instrumentId": nullable({**UUID, "description": "The latest version of an instrument; the default when absent"})},
                      ["title", "opensOn", "closesOn"]),
    "WaveStatusChange": obj({"status": ref("WaveStatus")}, ["status"],
                            "closed: close early; open: reopen one closed by hand before its close date; reviewed: once every "
                            "dimension that needs an action has one"),
    "ActionCreate": obj(ACTION_FIELDS, ["dimension", "title", "ownerId", "dueOn"]),
    "ActionUpdate": obj({**ACTION_FIELDS, "version": VERSION}, ["dimension", "title", "ownerId", "dueOn", "version"]),
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
    "BodyMemberCreate": obj({"personId": {**UUID, "description": "A person on the alliance's team; the side follows"},
                             "role": ref("BodyRole")}, ["personId", "role"]),
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
    "DecisionCreate": obj({"title": text(300), "details": nullable(text(4000))}, ["title"]),
    "Votes": obj({"meetingId": {**UUID, "description": "A meeting of the body that has taken place"},
                  "votes": {"type": "array", "minItems": 1,
                            "items": obj({"personId": UUID, "vote": ref("Vote")}, ["personId", "vote"]),
                            "description": "Votes of members who attended"}}, ["meetingId", "votes"]),
    "DecisionStatusChange": obj({"status": ref("DecisionMove")}, ["status"],
                                "escalated: next step of the ladder; resolved: end a deadlock or escalation; deferred / proposed: "
                                "put off or reopen a proposal"),
    "Supersede": obj({"successorId": {**UUID, "description": "A later decision of the same body"}}, ["successorId"]),
    "ActionItemCreate": obj(ITEM_FIELDS, ["title", "ownerId", "dueOn"]),
    "ActionItemUpdate": obj({**ITEM_FIELDS, "version": VERSION}, ["title", "ownerId", "dueOn", "version"]),
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
    "ExecutionSave": obj({"state": ref("ExecutionState"), "executedAmount": nullable(DECIMAL), "executedOn": nullable(DATE),
                          "note": nullable(text(1000))}, ["state"],
                         "Partly executed payments need the amount paid so far (less than the amount due) and the date; fully "
                         "executed needs the date"),
    "TriggerCreate": obj({"name": text(120), "occurredOn": nullable(DATE)}, ["name"]),
    "TriggerUpdate": obj({"name": text(120), "occurredOn": nullable(DATE), "version": VERSION}, ["name", "version"]),
})
SIGNED = {"type": "string", "pattern": r"^-?[0-9][0-9,]*(\.[0-9]{1,2})?$", "description": "A number with at most two decimals"}
SCHEMAS.update({
    "GoalCreate": obj({"title": text(200), "term": ref("GoalTerm"), "ownerId": {**UUID, "description": "A person on the alliance's team"},
                       "status": ref("GoalStatus")}, ["title", "term", "ownerId"]),
    "GoalStatusChange": obj({"status": ref("GoalStatus")}, ["status"]),
    "KPICreate": obj({"name": text(160), "category": ref("KPICategory"), "unit": text(24), "target": SIGNED,
                      "direction": ref("KPIDirection"), "goalId": nullable({**UUID, "description": "One of the alliance's goals"})},
                     ["name", "category", "unit", "target", "direction"]),
    "MeasurementSave": obj({"on": DATE, "value": SIGNED, "note": nullable(text(500))}, ["on", "value"],
                           "A second measurement on the same day replaces the first; dates in the future are refused"),
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
    "LifecycleChangeCreate": obj({"toPhase": ref("LifecyclePhase"), "toTransition": nullable(ref("LifecycleTransition")),
                                  "effectiveOn": DATE, "reason": text(2000)}, ["toPhase", "effectiveOn", "reason"]),
    "LifecycleCompletion": obj({
        "done": {"type": "array", "items": {"type": "integer", "minimum": 0}, "description": "Indexes of the checklist items done"},
        "waivers": {"type": "object", "additionalProperties": text(500),
                    "description": "Checklist index (as a string) -> the reason the item is waived"},
        "accepted": {"type": "array", "items": {"type": "string"}, "description": "Keys of the proposals to apply"}}, []),
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
})
CULTURE_SCORES = obj({scale: {"type": "integer", "minimum": 1, "maximum": 5} for scale in ENUMS["CultureScale"]}, [],
                    "Scale -> 1 to 5 (see docs/LIFECYCLE.md for the poles); a scale left out is not assessed")
DIFFERENCE_FIELDS = {"scale": nullable(ref("CultureScale")), "difference": text(500), "risk": text(1000), "leverage": text(1000),
                     "ownerId": {**UUID, "description": "A person of our company"}, "status": ref("DifferenceStatus"),
                     "dueOn": nullable(DATE)}
SCHEMAS.update({
    "CultureUpdate": obj({"scores": CULTURE_SCORES, "timeZones": nullable(text(200)), "languages": nullable(text(200)),
                          "workingNorms": nullable(text(4000)), "version": {"type": "integer"}}, ["version"]),
    "DifferenceCreate": obj(DIFFERENCE_FIELDS, ["difference", "risk", "leverage", "ownerId"]),
    "DifferenceUpdate": obj({**DIFFERENCE_FIELDS, "version": {"type": "integer"}}, ["difference", "risk", "leverage", "ownerId", "version"]),
})

DOCUMENT = GENERATED
DOCUMENT["components"]["schemas"].update({k: v for k, v in SCHEMAS.items() if k not in DOCUMENT["components"]["schemas"]})

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
        print("Wrote " + ", ".join(str(t.relative_to(ROOT)) for t in TARGETS))
