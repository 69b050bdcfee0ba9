#!/usr/bin/env python3
"""Measure privlens's practice extraction against OPP-115's attribute annotations.

Python 3.11 standard library only. Reads /work/shared/datasets/opp115 directly (the raw
annotations are read from annotations.tar.gz in memory; nothing is copied into the
repository), writes the inputs for the CLI to a temporary directory under /tmp, runs
`target/release/privlens practices FILE` twice (once per segment, once per whole policy) and
prints precision / recall / F1 per attribute at segment and at policy level.

Attributes: data_types (OPP "Personal Information Type" of First Party Collection/Use and Third
Party Sharing/Collection practices vs privlens data_collected); named_third_party (OPP "Named
third party" vs a named, non-generic privlens third party); third_party_entity (every OPP
"Third Party Entity" value privlens can express, generic recipients included);
third_party_any (any third party at all); retention (OPP "Retention Period": Stated Period vs
privlens days, Limited or Indefinitely vs privlens indefinite); choices (OPP "Choice Type" vs
privlens rights). The value mappings are the tables below.

Gold labels: the raw annotations of the 3 annotators, majority vote. A (segment, attribute
value) pair is gold when >= 2 distinct annotators chose that value for that segment (in any of
the categories listed for the attribute) in a practice not marked "Does Not" (for choices, whatever the mark: it negates the practice, not
the choice offered about it). It is a gold
*negative* when >= 2 annotators chose it in a practice marked "Does Not" and it is not gold:
predicting it there is a negation error (counted as a false positive, and also reported on its
own). P_any, printed beside precision, counts a prediction as right when at least one annotator
made it (a lenient reading, for context only). Policy level: the union of the policy's segment-level gold, against the practices the
core finds in the whole policy text (segments joined by blank lines).

Split: OPP-115's benchmark split (opp115-benchmark, Polisis) is by segment, not by policy: 113
of the 115 policies have segments in more than one of its parts. So this script splits the 115
policies by policy id: a policy is in `test` when int(md5(str(policy_id)), 16) % 4 == 0 (30
policies), otherwise in `dev` (85 policies; train + validation). Tune on dev only; test is for
the final figure.

Usage:
    cargo build --release -p privlens-cli
    python3 eval/opp115_extraction.py --split dev               # table
    python3 eval/opp115_extraction.py --split dev --detail      # plus per-value rows
    python3 eval/opp115_extraction.py --split dev --errors data_types   # dev errors, to tune
    python3 eval/opp115_extraction.py --split test              # the final figure
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OPP = Path("/work/shared/datasets/opp115")
CLI = REPO / "target" / "release" / "privlens"

FPC = "First Party Collection/Use"
TPS = "Third Party Sharing/Collection"
UCC = "User Choice/Control"
RET = "Data Retention"

# --- value mapping OPP -> privlens -------------------------------------------------------

# Each privlens data type id -> the one OPP "Personal Information Type" value it falls under.
# Ids absent here (communications, audio, children_data) have no OPP counterpart and are not
# scored; neither are the OPP values no id maps to (Survey data, Generic personal information,
# Other, Unspecified).
DATA_TYPE_TO_OPP = {
    "name": "Contact", "email": "Contact", "phone": "Contact", "postal_address": "Contact",
    "contacts": "Contact",
    "username": "User profile", "credentials": "User profile", "user_content": "User profile",
    "photos_media": "User profile",
    # Annotators file interests under Demographic (in the dev policies, the segments where
    # privlens finds interests carry Demographic far more often than User profile).
    "inferences": "Demographic",
    "payment_card": "Financial", "financial": "Financial", "purchase_history": "Financial",
    "government_id": "Personal identifier",
    "date_of_birth": "Demographic", "demographics": "Demographic", "employment_education": "Demographic",
    "precise_location": "Location", "coarse_location": "Location",
    "ip_address": "IP address and device IDs", "device_identifiers": "IP address and device IDs",
    "browser_device_info": "Computer information",
    "cookies_tracking": "Cookies and tracking elements",
    "usage_activity": "User online activities", "referrer": "User online activities",
    "health": "Health", "biometric": "Health",
    "social_profile": "Social media data",
}
SCORED_PIT = sorted(set(DATA_TYPE_TO_OPP.values()))
# OPP spells "User profile" "User Profile" in the third-party category.
PIT_ALIASES = {"User Profile": "User profile"}

# Generic recipients (privlens recipients.json ids) -> OPP "Third Party Entity". A named
# organisation (generic: false) is always "Named third party". OPP's manual counts a
# characterised recipient ("advertising partner", "data broker") as named, but annotators often
# chose "Unnamed third party" for the same words; each generic id goes to the value the dev
# policies' annotators chose most often where privlens finds it (ties and unseen ids follow the
# manual). Ids absent here are not scored at value level.
RECIPIENT_TO_OPP = {
    "affiliates": "Other part of company/affiliate",
    "other_users": "Other users",
    "advertising_partners": "Named third party",
    "analytics_providers": "Named third party",
    "marketing_partners": "Named third party",
    "payment_processors": "Named third party",
    "service_providers": "Named third party",
    "data_brokers": "Named third party",
    "hosting_providers": "Named third party",
    "customer_support_providers": "Named third party",
    "communication_providers": "Named third party",
    "delivery_providers": "Named third party",
    "professional_advisers": "Named third party",
    "fraud_prevention": "Named third party",
    "tax_authorities": "Named third party",
    "law_enforcement": "Unnamed third party",
    "business_partners": "Unnamed third party",
    "social_networks": "Unnamed third party",
    "credit_reference_agencies": "Unnamed third party",
    "acquirer": "Unnamed third party",
    "user_directed": "Unnamed third party",
    "third_parties": "Unnamed third party",
}
ANY_ENTITY = {v: "Third party" for v in ["Named third party", "Unnamed third party", "Other part of company/affiliate", "Other users", "Public", "Other", "Unspecified"]}
SCORED_ENTITY = ["Named third party", "Unnamed third party", "Other part of company/affiliate", "Other users"]

# Retention: a stated period (days) is OPP "Stated Period"; privlens's `indefinite` means "no
# fixed period" ("as long as necessary", "indefinitely"), which OPP splits into "Limited" and
# "Indefinitely": both count as one value, "Open-ended".
RETENTION_OPP = {"Stated Period": "Stated period", "Indefinitely": "Open-ended", "Limited": "Open-ended"}

# Choices: privlens rights ids -> OPP "Choice Type". OPP's values say *how* the reader opts out
# (a link, contacting the company, the site's settings, a third party's tool such as the NAI
# page or the Google Analytics add-on); privlens's ids say *what* the reader can opt out of
# (marketing, tracking and advertising, sharing), so those four OPP values count as one,
# "Opt-out". Withdrawing consent presupposes that consent was asked: "Opt-in". Browser or device
# settings are not a right the site grants (privlens leaves them out on purpose), and access,
# correction and deletion rights are OPP's "User Access, Edit and Deletion", not choices; those
# OPP values ("Browser/device privacy controls", "Dont use service/feature", Other) are not
# scored and their gold counts are printed.
RIGHT_TO_OPP = {
    "opt_out_marketing": "Opt-out", "opt_out_sale": "Opt-out", "objection": "Opt-out",
    "withdraw_consent": "Opt-in",
}
CHOICE_OPP = {
    "Opt-out link": "Opt-out", "Opt-out via contacting company": "Opt-out", "First-party privacy controls": "Opt-out",
    "Third-party privacy controls": "Opt-out", "Opt-in": "Opt-in",
}


def pred_data_types(p: dict) -> set[str]:
    return {DATA_TYPE_TO_OPP[f["id"]] for f in p["data_collected"] if f["id"] in DATA_TYPE_TO_OPP}


def pred_named(p: dict) -> set[str]:
    return {"Named third party"} if any(not t["generic"] for t in p["third_parties"]) else set()


def pred_entities(p: dict) -> set[str]:
    out = pred_named(p)
    out |= {RECIPIENT_TO_OPP[t["id"]] for t in p["third_parties"] if t["generic"] and t.get("id") in RECIPIENT_TO_OPP}
    return out


def pred_any_party(p: dict) -> set[str]:
    return {"Third party"} if p["third_parties"] else set()


def pred_retention(p: dict) -> set[str]:
    out = set()
    for r in p["retention"]:
        out.add("Open-ended" if r["indefinite"] else "Stated period")
    return out


def pred_choices(p: dict) -> set[str]:
    return {RIGHT_TO_OPP[r["id"]] for r in p["rights"] if r["id"] in RIGHT_TO_OPP}


# attribute name -> (OPP categories, OPP attribute, value map or None, scored values, predictor)
ATTRIBUTES = {
    "data_types": ((FPC, TPS), "Personal Information Type", None, SCORED_PIT, pred_data_types),
    "named_third_party": ((TPS,), "Third Party Entity", None, ["Named third party"], pred_named),
    "third_party_entity": ((TPS,), "Third Party Entity", None, SCORED_ENTITY, pred_entities),
    # Whether the segment (policy) shares with or lets collect any third party at all.
    "third_party_any": ((TPS,), "Third Party Entity", ANY_ENTITY, ["Third party"], pred_any_party),
    "retention": ((RET,), "Retention Period", RETENTION_OPP, ["Stated period", "Open-ended"], pred_retention),
    "choices": ((FPC, TPS, UCC), "Choice Type", CHOICE_OPP, ["Opt-out", "Opt-in"], pred_choices),
}

# --- data ---------------------------------------------------------------------------------


def split_of(policy_id: int) -> str:
    return "test" if int(hashlib.md5(str(policy_id).encode()).hexdigest(), 16) % 4 == 0 else "dev"


def load_segments() -> dict[int, list[str]]:
    """policy id -> segment texts (tags stripped), from the derived segment file."""
    pol: dict[int, dict[int, str]] = defaultdict(dict)
    with open(OPP / "derived" / "opp115_segments.jsonl", encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            pol[s["policy_id"]][s["segment_id"]] = s["text"]
    return {p: [segs[i] for i in sorted(segs)] for p, segs in pol.items()}


def load_votes() -> dict:
    """(policy, segment, attribute, value) -> {"does": annotators, "not": annotators}."""
    votes: dict = defaultdict(lambda: {"does": set(), "not": set()})
    with tarfile.open(OPP / "annotations.tar.gz") as tar:
        for member in tar.getmembers():
            if not member.name.endswith(".csv"):
                continue
            # Column 3 is the annotation tool's own policy number; the file name's prefix is the
            # OPP-115 policy id the segments file uses.
            policy = int(Path(member.name).name.split("_")[0])
            text = io.TextIOWrapper(tar.extractfile(member), encoding="utf-8")
            for row in csv.reader(text):
                annotator, segment, category = row[2], int(row[4]), row[5]
                attrs = json.loads(row[6])
                negated = attrs.get("Does/Does Not", {}).get("value") == "Does Not"
                for name, (cats, attr, value_map, _, _) in ATTRIBUTES.items():
                    if category not in cats or attr not in attrs:
                        continue
                    value = attrs[attr].get("value", "")
                    value = PIT_ALIASES.get(value, value)
                    value = value_map.get(value, value) if value_map else value
                    # "Does Not" negates the collection or the sharing, not the choice offered
                    # about it ("we do not give your address to them; to stop the offers, adjust
                    # your preferences"): choices count either way.
                    refused = negated and name != "choices"
                    votes[(policy, segment, name, value)]["not" if refused else "does"].add(annotator)
    return votes


def gold_sets(votes: dict) -> tuple[dict, dict, dict]:
    """Majority gold, majority "Does Not" and any-annotator labels per (policy, segment, attribute)."""
    gold: dict = defaultdict(set)
    neg: dict = defaultdict(set)
    anyone: dict = defaultdict(set)
    for (policy, segment, name, value), v in votes.items():
        if v["does"]:
            anyone[(policy, segment, name)].add(value)
        if len(v["does"]) >= 2:
            gold[(policy, segment, name)].add(value)
        elif len(v["not"]) >= 2:
            neg[(policy, segment, name)].add(value)
    return gold, neg, anyone


def load_urls() -> dict[int, str]:
    """policy id -> the policy's address, as the scanner would know it from the browser."""
    with open(OPP / "documentation" / "policies_opp115.csv", encoding="utf-8") as f:
        return {int(row["Policy UID"]): "http://" + row["Policy URL"] for row in csv.DictReader(f)}


def run_cli(texts: list[str], urls: list[str | None] | None = None) -> list[dict]:
    if not CLI.exists():
        sys.exit(f"{CLI} not found: run `cargo build --release -p privlens-cli` first")
    return run_binary(CLI, texts, urls)


def run_binary(cli: Path, texts: list[str], urls: list[str | None] | None = None) -> list[dict]:
    urls = urls or [None] * len(texts)
    with tempfile.TemporaryDirectory(prefix="privlens-opp115-") as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("".join(json.dumps({"text": t, "url": u}) + "\n" for t, u in zip(texts, urls)), encoding="utf-8")
        out = subprocess.run([str(cli), "practices", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert len(lines) == len(texts), "one output line per input"
    return [json.loads(line) for line in lines]


# --- scoring ------------------------------------------------------------------------------


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.neg_total = self.neg_hit = 0
        self.tp_any = 0

    def add(self, pred: set, gold: set, neg: set = frozenset(), anyone: set | None = None) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        self.neg_total += len(neg)
        self.neg_hit += len(pred & neg)
        self.tp_any += len(pred & (gold if anyone is None else anyone | gold))

    def p_any(self) -> float:
        """Share of predictions that at least one annotator made (a lenient precision)."""
        return self.tp_any / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def evaluate(split: str, detail: bool, errors: str | None, with_urls: bool = True) -> dict:
    segments = load_segments()
    policies = sorted(p for p in segments if split in ("all", split_of(p)))
    gold, neg, anyone = gold_sets(load_votes())

    seg_keys = [(p, i) for p in policies for i in range(len(segments[p]))]
    urls = load_urls() if with_urls else {}
    seg_pred = dict(zip(seg_keys, run_cli([segments[p][i] for p, i in seg_keys], [urls.get(p) for p, _ in seg_keys])))
    pol_pred = dict(zip(policies, run_cli(["\n\n".join(segments[p]) for p in policies], [urls.get(p) for p in policies])))

    results = {}
    for name, (_, _, _, scored, predict) in ATTRIBUTES.items():
        keep = set(scored)
        seg_score, pol_score = Score(), Score()
        per_value = {v: Score() for v in scored}
        for p in policies:
            pol_gold: set = set()
            pol_any: set = set()
            for i in range(len(segments[p])):
                g = gold.get((p, i, name), set()) & keep
                n = neg.get((p, i, name), set()) & keep
                a = anyone.get((p, i, name), set()) & keep
                pr = predict(seg_pred[(p, i)]) & keep
                seg_score.add(pr, g, n, a)
                for v in scored:
                    per_value[v].add(pr & {v}, g & {v}, n & {v}, a & {v})
                pol_gold |= g
                pol_any |= a
                if errors == name and pr != g:
                    print_error(p, i, segments[p][i], pr, g, n, seg_pred[(p, i)], name)
            pol_score.add(predict(pol_pred[p]) & keep, pol_gold, anyone=pol_any)
        results[name] = {"segment": seg_score, "policy": pol_score, "values": per_value}

    print_table(split, policies, seg_keys, results, detail)
    print_unscored(policies, gold)
    return results


def print_error(p: int, i: int, text: str, pred: set, gold: set, neg: set, practices: dict, name: str) -> None:
    ids = {
        "data_types": [f["id"] for f in practices["data_collected"]],
        "named_third_party": [t["name"] for t in practices["third_parties"] if not t["generic"]],
        "third_party_entity": [t["name"] for t in practices["third_parties"]],
        "third_party_any": [t["name"] for t in practices["third_parties"]],
        "retention": practices["retention"],
        "choices": [r["id"] for r in practices["rights"]],
    }[name]
    print(f"--- policy {p} segment {i}\n  FP {sorted(pred - gold)}{' (Does Not!)' if pred & neg else ''}  FN {sorted(gold - pred)}  privlens {ids}")
    print("  " + text.replace("\n", " ")[:700])


def fmt(s: Score) -> str:
    p, r, f = s.prf()
    return f"{p:6.3f} {r:6.3f} {f:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d} {s.p_any():6.3f}"


def print_table(split: str, policies: list, seg_keys: list, results: dict, detail: bool) -> None:
    print(f"OPP-115 attribute extraction, split={split}: {len(policies)} policies, {len(seg_keys)} segments")
    print("gold: >= 2 of 3 annotators (raw annotations), 'Does Not' practices excluded;")
    print("P_any: share of predictions that at least one annotator made (lenient, for reading P)")
    head = f"{'attribute':<40} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'P_any':>6}"
    for level in ("segment", "policy"):
        print(f"\n{level} level\n{head}")
        for name, r in results.items():
            print(f"{name:<40} {fmt(r[level])}")
            if detail and level == "segment":
                for v, s in r["values"].items():
                    print(f"  {v:<38} {fmt(s)}")
    print("\nnegation test (segment level: gold 'Does Not' by >= 2 annotators, predicted anyway)")
    for name, r in results.items():
        s = r["segment"]
        if s.neg_total:
            print(f"  {name:<38} {s.neg_hit} of {s.neg_total} predicted")


def print_unscored(policies: list, gold: dict) -> None:
    """Gold that no privlens id can produce, so that recall is read in context."""
    wanted = set(policies)
    counts: dict = defaultdict(int)
    for (p, _, name), values in gold.items():
        if p not in wanted:
            continue
        scored = set(ATTRIBUTES[name][3])
        for v in values - scored - {"Unspecified", "not-selected"}:
            if name in ("data_types", "choices", "third_party_entity"):
                counts[(name, v)] += 1
    print("\nnot scored (no privlens id maps to them), segment-level gold counts:")
    for (name, v), n in sorted(counts.items()):
        print(f"  {name:<20} {v:<40} {n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--detail", action="store_true", help="per-value rows")
    ap.add_argument("--errors", choices=list(ATTRIBUTES), help="list the segment errors of one attribute (dev only)")
    ap.add_argument("--cli", type=Path, help="another privlens binary (e.g. an older build, for a before/after table)")
    ap.add_argument("--no-urls", action="store_true", help="do not tell the scanner each policy's address (as an older build)")
    a = ap.parse_args()
    if a.cli:
        global CLI
        CLI = a.cli.resolve()
    if a.errors and a.split != "dev":
        sys.exit("--errors is for tuning, on the dev split only")
    evaluate(a.split, a.detail, a.errors, with_urls=not a.no_urls)


if __name__ == "__main__":
    main()
