#!/usr/bin/env python3
"""How many of the signals a careful reader judged wrong does privlens still raise?

Python 3.11 standard library only. Rebuilds the audited sample in a temporary directory from
/work/shared/datasets (never into the repository): the 25 OpenTermsArchive privacy policies and
40 English tosback2 privacy documents drawn with random.seed(20240601) (the selection below).
`eval/signal_audit_judgements.json` holds one judgement per (signal, document) that an earlier
version raised: C correct, E true of the document but shown by a weak quote, D debatable, W wrong.
Judgements were written once (2026-11-23, by reading each quote in its document); the signal
rules were then fixed on this same sample, so these are in-sample figures: a check that the
fixes hold, not an unbiased precision estimate.

A second, held-out set (`--set heldout`): 30 further tosback2 privacy documents (the same
filter, the 40 above left out, random.seed(777)), judged once by the same rules on the code of
commit 6064f04 (2026-11-23), before any fix made after reading them: its first figure is the
unbiased one; later runs on it are in-sample too.

A third set (`--set heldout2`): 30 further tosback2 privacy documents, drawn after the samples of
eval/extraction_audit.py (random.seed(6262)), judged once on commit 34e71de (2026-11-23) by the
same rules, before the fixes they prompted.

usage: python3 eval/signal_audit.py [--set audit|heldout|heldout2] [--cli target/release/privlens] [--list]
Build first: cargo build --release -p privlens-cli
"""
import argparse
import collections
import glob
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
if not os.path.isdir(DATA):
    DATA = "/work/shared/datasets"


def privacy_documents():
    docs = []
    with gzip.open(os.path.join(DATA, "tosback2", "tosback2_documents.jsonl.gz"), "rt") as f:
        for line in f:
            d = json.loads(line)
            if d["doc_type_from_title"] != "privacy":
                continue
            words = re.findall(r"[A-Za-z']+", d["text"].lower())
            if len(words) < 300:
                continue
            common = ("the", "and", "of", "to", "we", "you", "your", "information", "or", "with")
            if sum(w in common for w in words) / len(words) < 0.12:
                continue
            docs.append(d)
    return docs


def key(d):
    return (d["site"], d["doc_title"])


def audit_documents(docs):
    random.seed(20240601)
    return random.sample(docs, 40)


def heldout_documents(docs):
    used = {key(d) for d in audit_documents(docs)}
    random.seed(777)
    return random.sample([d for d in docs if key(d) not in used], 30)


def build_sample(out):
    for i, d in enumerate(audit_documents(privacy_documents())):
        name = f"tb_{i:02d}_" + re.sub(r"[^A-Za-z0-9.]+", "_", d["site"] + "_" + d["doc_title"])[:60]
        with open(os.path.join(out, name + ".html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")
    for p in glob.glob(os.path.join(DATA, "opentermsarchive-pga-versions", "*", "Privacy Policy.md")):
        shutil.copy(p, os.path.join(out, "ota_" + p.split(os.sep)[-2] + ".md"))


def build_heldout(out):
    for i, d in enumerate(heldout_documents(privacy_documents())):
        with open(os.path.join(out, f"hb_{i:02d}_{d['site']}.html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")


def build_heldout2(out):
    # Drawn after the extraction audits' first three samples (eval/extraction_audit.py).
    from extraction_audit import DRAWS

    docs = privacy_documents()
    used = {key(d) for d in audit_documents(docs) + heldout_documents(docs)}
    for _, seed, size in DRAWS[:3]:
        random.seed(seed)
        used |= {key(d) for d in random.sample([d for d in docs if key(d) not in used], size)}
    random.seed(6262)
    for i, d in enumerate(random.sample([d for d in docs if key(d) not in used], 30)):
        with open(os.path.join(out, f"hs_{i:02d}_{d['site']}.html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")


SETS = {
    "audit": ("signal_audit_judgements.json", build_sample),
    "heldout": ("signal_audit_heldout_judgements.json", build_heldout),
    "heldout2": ("signal_audit_heldout2_judgements.json", build_heldout2),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "privlens"))
    ap.add_argument("--list", action="store_true", help="list the judged signals that changed")
    ap.add_argument("--set", choices=list(SETS), default="audit")
    args = ap.parse_args()
    name, build = SETS[args.set]
    with open(os.path.join(ROOT, "eval", name)) as f:
        judged = json.load(f)
    with tempfile.TemporaryDirectory(prefix="privlens-audit-") as tmp:
        build(tmp)
        files = {n.rsplit(".", 1)[0]: os.path.join(tmp, n) for n in os.listdir(tmp)}
        raised = {}
        for doc, path in files.items():
            out = subprocess.run([args.cli, "scan", path, "--format", "json"], capture_output=True, text=True)
            raised[doc] = {s["id"] for s in json.loads(out.stdout)["signals"]} if out.returncode == 0 else set()
    total = collections.Counter()
    print(f"{'signal':34s} {'judged':>6s} {'W still raised':>15s} {'C/E lost':>9s}")
    for sid, items in sorted(judged.items()):
        c = collections.Counter((it["judgement"], sid in raised.get(it["doc"], set())) for it in items)
        total.update(c)
        wrong, lost = c[("W", True)], c[("C", False)] + c[("E", False)]
        print(f"{sid:34s} {len(items):6d} {wrong:8d} of {c[('W', True)] + c[('W', False)]:<4d} {lost:9d}")
        if args.list:
            for it in items:
                if (it["judgement"] == "W") == (sid in raised.get(it["doc"], set())) and it["judgement"] in "CEW":
                    print(f"    {it['judgement']} {'raised' if sid in raised.get(it['doc'], set()) else 'dropped'} {it['doc']}")
    n = sum(total.values())
    w_all = total[("W", True)] + total[("W", False)]
    kept = sum(v for (j, r), v in total.items() if r)
    print(f"\n{n} judged signals: {w_all} were wrong; {total[('W', True)]} of them still raised, "
          f"{total[('C', False)] + total[('E', False)]} correct ones lost; "
          f"of the judged signals still raised, {total[('W', True)] / max(kept, 1):.1%} are wrong")


if __name__ == "__main__":
    main()
