#!/usr/bin/env python3
"""How right are the named third parties privlens reports on policies nobody tuned it on?

Python 3.11 standard library only. Rebuilds the sample in a temporary directory from
/work/shared/datasets (never into the repository): 40 English tosback2 privacy documents, drawn
with random.seed(4242) from those left after the two signal-audit samples (eval/signal_audit.py).
`eval/third_party_audit_judgements.json` holds one judgement per (document, named third party)
that commit f399fdc raised, written once by reading each document (C correct, D debatable, W
wrong with an error class), and the clear recipients it missed. The first figure (f399fdc) is
the unbiased one; the rules were then fixed on this sample, so later runs are in-sample.

`--set second`: 40 further documents (random.seed(9191), the first 40 left out), judged the
same way on commit 9440323, after the fixes the first set prompted: its first figure is an
unbiased one for those fixes.

Prints: judged pairs still raised by verdict, correct ones lost, precision among the judged
pairs still raised, and how many of the missed recipients are now found. New, unjudged names
are listed for the next reader.

usage: python3 eval/third_party_audit.py [--set first|second] [--cli target/release/privlens]
Build first: cargo build --release -p privlens-cli
"""
import argparse
import collections
import json
import os
import random
import subprocess
import tempfile

from signal_audit import audit_documents, heldout_documents, key, privacy_documents

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sample(which):
    """The 40 documents of the first or the second set: each drawn from what the earlier
    samples (the signal audits', then the first set) left."""
    docs = privacy_documents()
    used = {key(d) for d in audit_documents(docs) + heldout_documents(docs)}
    random.seed(4242)
    first = random.sample([d for d in docs if key(d) not in used], 40)
    if which == "first":
        return "tp", first
    used |= {key(d) for d in first}
    random.seed(9191)
    return "tq", random.sample([d for d in docs if key(d) not in used], 40)


def build_sample(out, which):
    prefix, docs = sample(which)
    for i, d in enumerate(docs):
        with open(os.path.join(out, f"{prefix}_{i:02d}_{d['site']}.html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")


def named_parties(cli, path):
    r = subprocess.run([cli, "scan", path, "--format", "json"], capture_output=True, text=True)
    if r.returncode:
        return set()
    return {t["name"] for t in json.loads(r.stdout)["practices"]["third_parties"] if not t["generic"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "privlens"))
    ap.add_argument("--set", choices=("first", "second"), default="first")
    args = ap.parse_args()
    name = "third_party_audit_judgements.json" if args.set == "first" else "third_party_audit_second_judgements.json"
    audit = json.load(open(os.path.join(ROOT, "eval", name)))
    by_doc = collections.defaultdict(dict)
    for j in audit["judgements"]:
        by_doc[j["doc"]][j["name"]] = j
    still, lost, new, found = collections.Counter(), [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        build_sample(tmp, args.set)
        for doc in sorted(os.listdir(tmp)):
            names = named_parties(args.cli, os.path.join(tmp, doc))
            for name, j in by_doc[doc].items():
                if name in names:
                    still[j["verdict"]] += 1
                elif j["verdict"] == "C":
                    lost.append(f"{doc}: {name}")
            new += [f"{doc}: {n}" for n in sorted(names - set(by_doc[doc]))]
            for m in (m for m in audit["missed"] if m["doc"] == doc):
                wanted = m["name"].split(" (")[0].lower()
                found += any(wanted in n.lower() or n.lower() in wanted for n in names)
    c, d, w = still["C"], still["D"], still["W"]
    total = sum(1 for j in audit["judgements"])
    print(f"{total} judged pairs; still raised: {c} correct, {d} debatable, {w} wrong; correct lost: {len(lost)}")
    for line in lost:
        print("  lost", line)
    print(f"precision among judged pairs still raised: {c / max(1, c + d + w):.3f} (debatable as wrong), {c / max(1, c + w):.3f} (debatable left out)")
    print(f"missed recipients now found: {found} of {len(audit['missed'])}")
    print(f"new, unjudged names: {len(new)}")
    for line in new:
        print("  new", line)


if __name__ == "__main__":
    main()
