#!/usr/bin/env python3
"""Builds a realistic Accord portfolio of N alliances straight into an SQLite file.

    python3 bench/generate.py --alliances 10000 --database /tmp/bench.sqlite --accord .build/release/accord

The schema comes from `accord migrate`; rows are written with Python's sqlite3 in one transaction, far
faster than going through the application. Partners grow with N (one per 25 alliances, at least 9); each
has 8 people across functions and levels; our company has one alliance manager per 40 alliances plus
functional staff; every alliance has sponsors, managers and 2-4 functional leads on each side.
One alliance (printed as "health alliance") also gets a long health history: 10 waves x 60 respondents x 40
statements by default (--health-waves, --health-respondents, --health-questions).
Business rows written this way carry no audit records (the audit chain starts empty and verifies).
"""
import argparse
import datetime
import json
import os
import random
import sqlite3
import subprocess
import uuid

TYPES = ["research_collaboration", "licensing_in", "licensing_out", "co_development", "co_commercialization",
         "supply_manufacturing", "quality_agreement", "clinical_services", "distribution", "other"]
STATUSES = ["launching", "active", "active", "active", "terminating", "closed"]
PHASES = ["initiation", "development", "commercialization"]
TRANSITIONS = [None, None, None, "start_up", "reset", "wind_down", "exit"]
TIERS = ["tier_1", "tier_2", "tier_2", "tier_3", "tier_3"]
FUNCTIONS = ["research", "clinical", "regulatory", "cmc", "manufacturing", "supply_chain", "quality", "commercial",
             "medical", "finance", "legal", "procurement", "alliance_management"]
LEVELS = ["executive", "senior_management", "management", "operational"]
CURRENCIES = ["USD", "USD", "USD", "EUR", "EUR", "GBP", "CHF", "JPY"]
FIRST = ["Lars", "Ingrid", "Kenji", "Yuki", "Aisha", "Rafael", "Chloe", "Matteo", "Sofia", "Anders", "Mei", "Jonas", "Fatima",
         "Pedro", "Clara", "Emil", "Nadia", "Hugo", "Leila", "Ravi", "Sara", "Felix", "Noor", "Tobias", "Ana", "Eva"]
LAST = ["Nilsson", "Tanaka", "Haddad", "Costa", "Rossi", "Berg", "Wang", "Schmidt", "Dubois", "Patel", "Andersen", "Silva",
        "Muller", "Kim", "Novak", "Larsen", "Fischer", "Moretti", "Sato", "Ibrahim", "Jensen", "Garcia", "Weber"]
PREFIX = ["Nor", "Kan", "Mer", "Aur", "Bas", "Sol", "Pam", "Rhe", "Lot", "Vel", "Cor", "Hel", "Ast", "Ori", "Zen", "Cal"]
SUFFIX = ["vik Biologics", "to Pharma", "idian CDMO", "elia Clinical", "ilea Genomics", "ent Health", "pas Biotech",
          "inwerk Pharma", "us API", "ora Therapeutics", "tex Bio", "ion Labs", "ra Sciences", "gen Medicines"]

NOW = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def uid():
    return str(uuid.uuid4()).upper()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--alliances", type=int, default=10000)
    parser.add_argument("--database", required=True, help="SQLite file to create (replaced if it exists)")
    parser.add_argument("--accord", default=".build/release/accord", help="the accord binary, for the schema")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--health-waves", type=int, default=10)
    parser.add_argument("--health-respondents", type=int, default=60)
    parser.add_argument("--health-questions", type=int, default=40)
    parser.add_argument("--governance", type=int, default=1, help="1: a steering committee with meetings, decisions"
                        " and action items on every alliance; 0: none")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.database + suffix):
            os.remove(args.database + suffix)
    subprocess.run([args.accord, "migrate", "--database-url", "sqlite://" + os.path.abspath(args.database)], check=True,
                   stdout=subprocess.DEVNULL)

    db = sqlite3.connect(args.database)
    db.execute("PRAGMA journal_mode=WAL")
    created = stamp(NOW)
    orgs, people = [], []

    def org(name, kind, country):
        oid = uid()
        orgs.append((oid, name, kind, country, None, None, 1, created, created))
        return oid

    def person(org_id, function, level, n):
        pid = uid()
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = f"p{n}.{name.lower().replace(' ', '.')}@{org_id[:8].lower()}.example"
        people.append((pid, org_id, name, email, f"{level.replace('_', ' ').title()}, {function.replace('_', ' ').title()}",
                       function, level, 1, created, created))
        return pid

    ours = org("Helix Therapeutics", "ours", "United States")
    count = 0
    managers = []
    for i in range(max(5, args.alliances // 40)):
        count += 1
        managers.append(person(ours, "alliance_management", "senior_management", count))
    our_staff = {}
    for function in FUNCTIONS:
        our_staff[function] = []
        for level in LEVELS:
            count += 1
            our_staff[function].append(person(ours, function, level, count))

    partner_count = max(9, args.alliances // 25)
    partners = []
    for i in range(partner_count):
        combos = len(PREFIX) * len(SUFFIX)
        name = PREFIX[i % len(PREFIX)] + SUFFIX[(i // len(PREFIX)) % len(SUFFIX)] + (f" {i // combos + 1}" if i >= combos else "")
        pid = org(name, "partner", rng.choice(["Norway", "Japan", "Ireland", "Germany", "India", "United States"]))
        staff = {}
        for function in ["alliance_management", "research", "clinical", "regulatory", "cmc", "quality", "commercial", "finance"]:
            count += 1
            staff[function] = person(pid, function, rng.choice(LEVELS), count)
        partners.append((pid, staff))

    db.executemany("INSERT INTO organizations (id, name, kind, country, website, notes, version, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?)", orgs)
    db.executemany("INSERT INTO people (id, organization_id, name, email, title, function, level, version, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?)", people)

    alliances, members = [], []
    for i in range(args.alliances):
        aid = uid()
        partner_id, staff = rng.choice(partners)
        kind = rng.choice(TYPES)
        effective = NOW - datetime.timedelta(days=rng.randint(30, 3650))
        term_end = effective + datetime.timedelta(days=rng.randint(730, 5475))
        manager = rng.choice(managers)
        sponsor = rng.choice(our_staff["commercial"][:2] + our_staff["research"][:2])
        value = rng.choice([None, rng.randint(1, 500) * 1_000_000 * 100])
        updated = stamp(NOW - datetime.timedelta(minutes=rng.randint(0, 500000)))
        alliances.append((aid, f"{kind.replace('_', ' ').title()} {i + 1:06d}", partner_id, kind, rng.choice(STATUSES),
                          rng.choice(PHASES), rng.choice(TRANSITIONS), rng.choice(TIERS), sponsor, manager,
                          staff["research"], staff["alliance_management"], f"HX-{rng.randint(100, 999)}",
                          rng.choice(["Worldwide", "US", "EU", "Japan", "US, EU"]), effective.strftime("%Y-%m-%d"),
                          term_end.strftime("%Y-%m-%d"), None, value, rng.choice(CURRENCIES) if value else None,
                          "Generated for benchmarks.", None, 1, created, updated))
        for person_id, side, role in [(sponsor, "ours", "executive_sponsor"), (manager, "ours", "alliance_manager"),
                                      (staff["research"], "partner", "executive_sponsor"),
                                      (staff["alliance_management"], "partner", "alliance_manager")]:
            members.append((uid(), aid, person_id, side, role, created))
        for function in rng.sample(["clinical", "regulatory", "cmc", "quality", "commercial", "finance"], rng.randint(2, 4)):
            members.append((uid(), aid, rng.choice(our_staff[function]), "ours", "functional_lead", created))
            members.append((uid(), aid, staff[function], "partner", "functional_lead", created))

    db.executemany("INSERT INTO alliances (id, name, partner_id, type, status, phase, transition, tier, our_sponsor_id,"
                   " our_manager_id, partner_sponsor_id, partner_manager_id, products, territories, effective_date,"
                   " term_end_date, renewal_notice_date, value_hundredths, value_currency, description, internal_notes,"
                   " version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", alliances)
    db.executemany("INSERT INTO memberships (id, alliance_id, person_id, side, role, created_at) VALUES (?,?,?,?,?,?)", members)
    health_alliance = add_health(db, rng, alliances[len(alliances) // 2], managers[0], ours, partners, created, args)
    if args.governance:
        add_governance(db, rng, alliances, members, created)
    db.commit()
    db.execute("ANALYZE")
    db.close()
    print(f"{args.database}: {len(alliances)} alliances, {len(orgs) - 1} partners, {len(people)} people, {len(members)} memberships")
    print(f"manager person for a bench user: {managers[0]}")
    print(f"health alliance: {health_alliance}")


CHARTER = json.dumps({"minMembersPerParty": 2, "maxMembersPerParty": 4, "parityRequired": True, "quorumPerParty": 1,
                      "decisionRule": "one_per_party", "minMeetingsPerYear": 4, "noticeDays": 30,
                      "escalation": [{"decidedBy": "Alliance managers", "days": 15, "excludedMatters": []},
                                     {"decidedBy": "Chief executives", "days": 30, "finalSay": "ours", "excludedMatters": []}]},
                     separators=(",", ":"))


def add_governance(db, rng, alliances, members, created):
    """Every alliance: a steering committee of its sponsors and managers that met quarterly for two years (one in
    eight has skipped the last year), two approved decisions, one in twenty deadlocked and past its escalation
    deadline, three action items, one in five of them overdue, and one in ten has an open issue with the working
    team, raised 5 to 40 days ago (so about two thirds of them are past the 14-day limit)."""
    top = {}
    for _, aid, person_id, side, role, _ in members:
        if role in ("executive_sponsor", "alliance_manager"):
            top.setdefault(aid, []).append((person_id, side, role))
    bodies, seats, meetings, decisions, items, issues = [], [], [], [], [], []
    formed = stamp(NOW - datetime.timedelta(days=800))
    for alliance in alliances:
        aid = alliance[0]
        bid = uid()
        bodies.append((bid, aid, None, "Joint steering committee", "steering_committee", CHARTER, 4, "shared", 1, formed, formed))
        for person_id, side, role in top.get(aid, []):
            seats.append((uid(), bid, person_id, side, "chair" if role == "executive_sponsor" else "member", created))
        lapsed = rng.random() < 0.125
        for q in range(8):
            day = NOW - datetime.timedelta(days=90 * (8 - q) - rng.randint(0, 20))
            if lapsed and day > NOW - datetime.timedelta(days=365):
                continue
            meetings.append((uid(), bid, aid, f"Quarterly steering committee {q + 1}", day.strftime("%Y-%m-%d"), 840, "Video call",
                             "[]", None, "Approved.", "approved", "[]", 2, created, created))
        for d in range(2):
            decisions.append((uid(), bid, aid, None, f"Budget {d + 1}", None, "approved", None, None, None, 2, created, created))
        if rng.random() < 0.05:
            started = NOW - datetime.timedelta(days=rng.randint(20, 60))
            deadline = (started + datetime.timedelta(days=15)).strftime("%Y-%m-%d")
            state = json.dumps({"step": 0, "startedOn": started.strftime("%Y-%m-%d"), "deadline": deadline}, separators=(",", ":"))
            decisions.append((uid(), bid, aid, None, "Launch timing", None, "escalated", state, deadline, None, 2, created, created))
        owner = alliance[9]
        for i in range(3):
            overdue = i == 0 and rng.random() < 0.2
            due = NOW + datetime.timedelta(days=-rng.randint(1, 40) if overdue else rng.randint(1, 90))
            items.append((uid(), aid, f"Follow-up {i + 1}", owner, due.strftime("%Y-%m-%d"), "planned", None, None, "shared", 1,
                          created, created))
        if rng.random() < 0.1:
            raised = (NOW - datetime.timedelta(days=rng.randint(5, 40))).strftime("%Y-%m-%d")
            steps = json.dumps([{"by": "bench", "level": "working_team", "since": raised}], separators=(",", ":"))
            issues.append((uid(), aid, "Supply forecast disputed", None, "high", owner, "open", "shared", raised, "working_team",
                           raised, steps, None, None, 1, created, created))
    db.executemany("INSERT INTO governance_bodies (id, alliance_id, parent_id, name, kind, charter, min_meetings_per_year,"
                   " visibility, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", bodies)
    db.executemany("INSERT INTO body_members (id, body_id, person_id, side, role, created_at) VALUES (?,?,?,?,?,?)", seats)
    db.executemany("INSERT INTO meetings (id, body_id, alliance_id, title, meeting_date, start_minute, location, agenda,"
                   " notice_override, minutes, minutes_status, documents, version, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", meetings)
    db.executemany("INSERT INTO decisions (id, body_id, alliance_id, meeting_id, title, details, status, escalation,"
                   " escalation_deadline, superseded_by, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", decisions)
    db.executemany("INSERT INTO action_items (id, alliance_id, title, owner_id, due_on, status, meeting_id, decision_id, visibility,"
                   " version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", items)
    db.executemany("INSERT INTO issues (id, alliance_id, title, details, severity, owner_id, status, visibility, raised_on, level,"
                   " level_since, steps, resolution, resolved_on, version, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", issues)
    print(f"governance: {len(bodies)} bodies, {len(meetings)} meetings, {len(decisions)} decisions, {len(items)} action items,"
          f" {len(issues)} open issues")


def add_health(db, rng, alliance, manager, ours, partners, created, args):
    """One alliance with a long health history: WAVES waves, each answered by RESPONDENTS people (half per side)
    on an instrument of 10 dimensions x QUESTIONS/10 statements, plus actions. The bench user's person manages it."""
    aid, partner_id = alliance[0], alliance[2]
    db.execute("UPDATE alliances SET our_manager_id = ? WHERE id = ?", (manager, aid))
    db.execute("INSERT INTO memberships (id, alliance_id, person_id, side, role, created_at) VALUES (?,?,?,?,?,?)",
               (uid(), aid, manager, "ours", "alliance_manager", created))
    per_dimension = max(1, args.health_questions // 10)
    dimensions = [{"key": f"d{d}", "name": f"Dimension {d + 1}",
                   "questions": [{"key": f"d{d}.q{q}", "text": f"Statement {q + 1} of dimension {d + 1}.",
                                  "anchors": ["Never", "Rarely", "Sometimes", "Usually", "Always"]}
                                 for q in range(per_dimension)]} for d in range(10)]
    instrument = {"key": "bench-instrument", "name": "Bench instrument", "version": 1, "dimensions": dimensions,
                  "openQuestions": ["Anything else?"]}
    iid = uid()
    db.execute("INSERT INTO health_instruments (id, instrument_key, version, name, definition, created_at) VALUES (?,?,?,?,?,?)",
               (iid, "bench-instrument", 1, "Bench instrument", json.dumps(instrument, separators=(",", ":")), created))
    respondents = []
    for n in range(args.health_respondents):
        side = "ours" if n % 2 == 0 else "partner"
        function = ["clinical", "regulatory", "cmc", "quality", "commercial", "research"][n % 6]
        pid = uid()
        org_id = ours if side == "ours" else partner_id
        db.execute("INSERT INTO people (id, organization_id, name, email, title, function, level, version, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (pid, org_id, f"Respondent {n + 1}", f"respondent{n + 1}.{aid[:8].lower()}@bench.example", "Team member",
                    function, "operational", 1, created, created))
        db.execute("INSERT INTO memberships (id, alliance_id, person_id, side, role, created_at) VALUES (?,?,?,?,?,?)",
                   (uid(), aid, pid, side, "member", created))
        respondents.append((pid, side, function))
    keys = [q["key"] for d in dimensions for q in d["questions"]]
    for w in range(args.health_waves):
        wid = uid()
        opens = NOW - datetime.timedelta(days=182 * (args.health_waves - w))
        db.execute("INSERT INTO health_waves (id, alliance_id, instrument_id, title, opens_on, closes_on, status, created_at)"
                   " VALUES (?,?,?,?,?,?,?,?)",
                   (wid, aid, iid, f"Health check {w + 1}", opens.strftime("%Y-%m-%d"),
                    (opens + datetime.timedelta(days=21)).strftime("%Y-%m-%d"), "reviewed", created))
        answers = []
        counts = {}
        for pid, side, function in respondents:
            db.execute("INSERT INTO health_invitations (id, wave_id, person_id, side, function, token_hash, draft, submitted)"
                       " VALUES (?,?,?,?,?,?,?,?)", (uid(), wid, pid, side, function, uid(), None, True))
            rid = uid()
            db.execute("INSERT INTO health_responses (id, wave_id, side, function) VALUES (?,?,?,?)", (rid, wid, side, function))
            centre = 3 + (w / args.health_waves) * (1 if side == "ours" else 0.5)
            for key in keys:
                score = max(1, min(5, round(rng.gauss(centre, 0.9))))
                answers.append((rid, key, score, None))
                counts.setdefault((side, function, key), [0, 0, 0, 0, 0])[score - 1] += 1
        db.executemany("INSERT INTO health_answers (response_id, question_key, score, comment) VALUES (?,?,?,?)", answers)
        db.executemany("INSERT INTO health_counts (wave_id, side, function, question_key, s1, s2, s3, s4, s5)"
                       " VALUES (?,?,?,?,?,?,?,?,?)", [(wid, *group, *c) for group, c in counts.items()])
        for d in dimensions[:3]:
            db.execute("INSERT INTO health_actions (id, wave_id, alliance_id, dimension_key, title, owner_id, due_on, status,"
                       " version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (uid(), wid, aid, d["key"], f"Improve {d['name']}", manager,
                        (opens + datetime.timedelta(days=90)).strftime("%Y-%m-%d"), "done", 1, created, created))
    return aid.lower()


if __name__ == "__main__":
    main()
