#!/usr/bin/env python3
"""Write a realistic peer-support interview question document for the import benchmark.

    python3 bench/generate_document.py N OUT [--seed S]

The layout is the one the seed documents use (see seed-data/002_*.txt): a title, a short introduction, then
numbered questions, each followed by a "How to Answer:" line and an "Example: “…”" line, separated by blank lines.

Questions combine slots (opening, adverb, action, person, task, circumstance) drawn from peer-support vocabulary
with a fixed-seed RNG. A Python copy of NearDuplicateFinder (stop words read from the C# source) drops any
candidate that would be a near-duplicate of an earlier one, giving one fixed stream of mutually distinct questions;
seed k takes the k-th slice of N from that stream. So the same seed always gives the same bytes, and documents of
different seeds are distinct from each other as well as internally (the same bytes are refused as already imported,
and a bank built from seeds 1-5 gains no near-duplicate groups). Guidance and example lines use an RNG seeded by S.

About 260 bytes per question: a 2,000-question document is about 0.52 MB (asserted 0.45-0.6 MB when N == 2000).
"""

import argparse
import collections
import itertools
import pathlib
import random
import re
import sys

OPENINGS = [
    "How would you {act}",
    "What would you do to {act}",
    "How do you {act}",
    "How could you {act}",
    "How might you {act}",
    "What is your plan to {act}",
]

# (base form) verbs for the action slot.
ACTIONS = [
    "help {who}", "encourage {who} to", "coach {who} to", "guide {who} to", "prepare {who} to", "motivate {who} to",
    "assist {who} to", "equip {who} to", "empower {who} to", "invite {who} to", "partner with {who} to",
    "nudge {who} to", "inspire {who} to", "enable {who} to", "work alongside {who} to",
]

WHO = [
    "a participant", "a young adult", "a veteran", "a parent", "a newcomer", "a person leaving jail",
    "a student", "a caregiver", "a resident", "a group member", "a shelter guest", "a reluctant referral",
    "a returning member", "a night-shift worker", "a farmhand", "a first-time visitor", "a tenant",
    "a trainee", "a volunteer", "a retail worker", "a musician", "a commuter", "a neighbour", "a nurse",
]

# "what" slot: the task, 2-4 content words each.
WHAT = [
    "build a crisis plan", "write a wellness recovery action plan", "set boundaries with relatives",
    "find stable housing", "manage cravings at weekends", "return to paid employment", "reconnect with old friends",
    "prepare for a court hearing", "apply for disability benefits", "open a bank account",
    "book a dental appointment", "join a mutual aid meeting", "practise a grounding exercise",
    "track sleep and mood", "name early warning signs", "rebuild trust with a landlord",
    "speak up at a care review", "choose a harm reduction kit", "learn naloxone use", "plan a sober birthday",
    "budget for groceries", "enrol in an evening class", "draft a complaint letter", "request reasonable adjustments",
    "prepare for a job interview", "cope with loud neighbours", "manage panic on buses", "restart a hobby",
    "keep a gratitude journal", "map personal strengths", "set a weekly walking goal", "repair a damaged friendship",
    "plan meals on a budget", "find a primary care doctor", "read a tenancy agreement", "handle debt collectors",
    "ask for a second opinion", "attend a family mediation", "prepare a relapse prevention card",
    "explore volunteering options", "get a state identity card", "navigate the bus network", "learn to cook cheaply",
    "sign up for peer respite", "set up phone reminders", "write a safety contract", "celebrate small wins",
    "reduce late night screen use", "rehearse saying no", "pick a sponsor", "tidy a cluttered flat",
    "restore a driving licence", "negotiate a payment plan", "contact a legal aid clinic", "choose supportive roommates",
    "resume an art practice", "plan a visit to a museum", "practise assertive phone calls", "sort important documents",
    "find a quiet study space", "prepare for a benefits assessment", "use a food pantry", "start a savings jar",
    "write a letter to a future self", "plan holiday spending", "join a running club", "keep a medication schedule",
    "organise transport to appointments", "decline drinks at a wedding", "rebuild a daily routine",
    "complete a housing application", "prepare questions for a psychiatrist visit", "fill in a tax return",
    "find affordable winter clothing", "return a faulty appliance", "plan a weekend with grandchildren",
    "rejoin a football team", "write a short personal statement", "register to vote", "cancel an unused gym contract",
    "make a dentist phobia plan", "practise mindful breathing", "choose a counsellor", "arrange a furniture donation",
    "learn basic spreadsheet skills", "attend a tenants' association", "set up online banking",
    "prepare for a parole board", "manage anger in queues", "plan a first date", "apologise to a former employer",
    "sign up for a library card", "find a community choir", "build a morning checklist", "arrange respite care",
    "draft a simple CV", "replace lost glasses", "book a smoking cessation clinic", "prepare a support letter request",
    "learn bike repair", "write a grocery list",
]

# "when" slot: the circumstance, 2-4 content words each.
WHEN = [
    "after a hospital discharge", "during an eviction notice", "while waiting for a detox bed",
    "in a busy drop-in centre", "over a short phone check-in", "on the first day of probation",
    "after losing a job", "during a heatwave", "after a painful breakup", "in a noisy emergency department",
    "following a missed appointment", "during winter holidays", "after a court adjournment",
    "while living in a motel", "after a pet dies", "during a benefits sanction", "on a rural outreach visit",
    "in a crowded waiting room", "after a bereavement", "during a power cut", "while sharing a tiny apartment",
    "after moving cities", "on a video call with a poor connection", "after a bicycle is stolen",
    "after an argument with staff", "in a library meeting room", "after receiving bad news by letter",
    "during a flu outbreak", "while juggling two part-time jobs", "after a tense school meeting",
    "on release from a residential program", "in a community garden session", "during a transit strike",
    "after a difficult anniversary", "while the clinic is short-staffed", "on a Sunday evening",
    "after a police welfare check", "during a snowstorm", "in a shared kitchen", "after losing a phone",
    "while a caseworker is on leave", "at a street outreach van", "after a failed job interview",
    "during exam season", "after a long waiting list", "in a hostel common room", "after a fire alarm evacuation",
    "during a move to supported housing", "when rent arrears are growing", "after a night without sleep",
    "in a coffee shop meeting", "after a family reunion went badly", "during a pay delay",
    "while on a training placement", "after being discharged from a shelter", "in a weekly support circle",
    "during a citywide festival", "after a car breakdown", "at the end of a long shift", "after a scam attempt",
    "after a tough supervision meeting", "during a heavy rainstorm", "after a court fine arrives",
    "while their landlord sells the building", "during a local election", "after a friend overdoses",
    "in a hospital car park", "after a benefit overpayment letter", "during a school holiday week",
    "while staying on a friend's sofa", "after a minor road accident", "in a laundrette",
    "after an interpreter cancels", "during a citywide curfew", "after a burglary at home", "on a crowded train",
    "after a broken tooth", "during a staff handover", "in a park on a cold morning", "after a missed paycheck",
    "during a council tax dispute", "after a hard group session", "while the lift is broken", "at a job fair",
    "after a disappointing exam result", "during the first week of sobriety", "after a neighbour complains",
    "in a busy pharmacy queue", "after a visit from child protection", "during Pride month events",
    "after a relative's wedding", "on the anniversary of a loss", "at a food bank", "after a heated phone call",
    "during renovation noise", "after a cancelled operation",
]

# Optional adverb before the action; adds variety without dominating the content words.
HOW = [
    "", "", "", "", "", "gently ", "patiently ", "calmly ", "collaboratively ", "quietly ", "respectfully ",
]

GUIDANCE = [
    "Show that you {a} and {b}.",
    "Explain how you {a}, then {b}.",
    "Say how you {a} and {b}.",
    "Stress that you {a} and {b}.",
    "Be practical: {a}, then {b}.",
]

GUIDE_POINTS = [
    "listen before advising", "ask open questions", "follow the person's lead", "share lived experience briefly",
    "respect self-determination", "agree small next steps", "check understanding", "name community resources",
    "stay within your scope", "document the agreed plan", "involve supervision when risk rises",
    "keep the conversation hopeful", "notice strengths", "offer choices rather than instructions",
    "plan a follow-up", "keep confidentiality limits clear", "use plain language", "validate feelings",
]

EXAMPLE_OPEN = [
    "I would", "First I would", "I once helped someone and we would", "My approach is to", "I would ask, then",
    "Together we would",
]

EXAMPLE_MOVES = [
    "break the goal into two small steps", "write the plan on a card they keep", "practise the first call together",
    "look up the nearest drop-in hours", "agree a check-in time for Friday", "list people they trust",
    "rehearse what to say", "celebrate the first attempt", "map the bus route together",
    "set a phone reminder", "review what worked last time", "ask what support they want from me",
    "connect them with a mutual aid group", "note warning signs in their words",
]


# --- near-duplicate filter -------------------------------------------------------------------------------------
# A Python copy of src/PeerInterview.Web/Import/NearDuplicateFinder.cs (content-word stems, Jaccard >= 0.5), used
# only to keep generated questions apart. The stop words are read from the C# file so the two cannot drift.

def load_stop_words(source_root):
    src = (pathlib.Path(source_root) / "src/PeerInterview.Web/Import/NearDuplicateFinder.cs").read_text(encoding="utf-8")
    block = src[src.index("StopWords = new"):]
    return set(re.findall(r'"([^"]+)"', block[:block.index("};")]))


STOP_WORDS = set()


def _stem(w):
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def content_tokens(text):
    words = re.findall(r"[a-z0-9]+", text.lower().replace("-", ""))
    out = set()
    for word in words:
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        stem = _stem(word)
        if len(stem) >= 2 and stem not in STOP_WORDS:
            out.add(stem)
    return frozenset(out)


def question_stream():
    """Every question any document can hold, in a fixed order: no two are near-duplicates of each other.

    Document k (seed k) takes its questions from this one stream, so the documents of different seeds are distinct
    from each other too, and a bank built from several of them has no near-duplicate groups.
    """
    rng = random.Random(20240601)
    pairs = [(w, c) for w in WHAT for c in WHEN]
    rng.shuffle(pairs)
    accepted = []            # token sets
    postings = {}            # token -> indexes into accepted
    seen_text = set()
    for what, when in itertools.cycle(pairs):
        text = question(rng, what, when)
        tokens = content_tokens(text)
        if text in seen_text or len(tokens) < 2:
            continue
        shared = collections.Counter(itertools.chain.from_iterable(postings.get(t, ()) for t in tokens))
        if any(3 * n >= len(tokens) + len(accepted[j]) for j, n in shared.items()):
            continue  # Jaccard shared/(a+b-shared) >= 0.5  <=>  3*shared >= a+b
        index = len(accepted)
        accepted.append(tokens)
        seen_text.add(text)
        for t in tokens:
            postings.setdefault(t, []).append(index)
        yield text


def question(rng, what, when):
    opening = rng.choice(OPENINGS)
    act = f"{rng.choice(HOW)}{rng.choice(ACTIONS).format(who=rng.choice(WHO))} {what} {when}"
    return opening.format(act=act) + "?"


def guidance(rng):
    a, b = rng.sample(GUIDE_POINTS, 2)
    return rng.choice(GUIDANCE).format(a=a, b=b)


def example(rng):
    return f"{rng.choice(EXAMPLE_OPEN)} {rng.choice(EXAMPLE_MOVES)}."


def document(n, seed):
    if seed < 1:
        raise SystemExit("--seed starts at 1")
    questions = list(itertools.islice(question_stream(), (seed - 1) * n, seed * n))
    rng = random.Random(seed)
    out = [
        "Peer Support Specialist Interview Questions",
        "",
        f"{n} interview questions for peer support specialists, with guidance on how to answer each one "
        f"and an example answer (benchmark set {seed}).",
        "",
    ]
    for i, text in enumerate(questions, start=1):
        out += [
            f"{i}. {text}",
            "",
            f"How to Answer: {guidance(rng)}",
            "",
            f"Example: \u201c{example(rng)}\u201d",
            "",
        ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of questions")
    parser.add_argument("out", help="output file")
    parser.add_argument("--seed", type=int, default=1, help="RNG seed, 1 or more (default 1)")
    parser.add_argument("--source-root", default=str(pathlib.Path(__file__).resolve().parent.parent),
                        help="repository whose NearDuplicateFinder.cs gives the stop words (default: this one)")
    args = parser.parse_args()
    STOP_WORDS.update(load_stop_words(args.source_root))

    data = document(args.n, args.seed).encode("utf-8")
    if args.n == 2000:
        assert 450_000 <= len(data) <= 600_000, f"2,000 questions should be 0.45-0.6 MB, got {len(data)} bytes"
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"{args.out}: {args.n} questions, {len(data)} bytes ({len(data) / 1_000_000:.3f} MB), "
          f"{len(data) / max(args.n, 1):.0f} bytes/question, seed {args.seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
