#!/usr/bin/env python3
"""Evaluate privlens's document-kind classifier ("is this a privacy/cookie policy?" and
"terms of service vs privacy policy") on real pages from /work/shared/datasets.

Python 3.11 standard library only. Writes the inputs to a temporary directory under /tmp
(never into the repository), runs `target/release/privlens scan --jsonl DIR` once, and prints
per-corpus counts, precision/recall of `is_policy`, ToS-vs-privacy accuracy and the
misclassified items of the chosen split (with the classifier's reasons).

Split: every item gets a stable key (corpus + file name, or site + title); an item is in
`dev` when the first byte of md5(key) is even, else in `test`. Tune on dev only.

Labels: OPP-115 pages and the seeds are privacy policies; tosback2 documents are labelled by
their title (`doc_type_from_title`: privacy -> policy, or cookie policy when the title names cookies
and not privacy; terms_or_other_legal -> terms when the title names terms/conditions/agreement/
licence, else other; `other` is left out); tosback2 texts under 150 words are crawl failures and
left out; OpenTermsArchive: "Privacy Policy" -> privacy, "Trackers Policy" -> cookie, "Terms of
Service"/"Developer Terms"/"Commercial Terms" -> terms, every other type -> other; readability
pages are other. Titles naming both terms and privacy mark a combined page (still a policy, not
scored for kind). Figures are printed twice: with those labels, and after the manual review in
doc_kind_review.json (pages whose text is not the titled document: home pages, error pages, terms
filed under "Privacy Policy"; pages holding several documents). Review entries were written from
disagreements only: on dev while tuning, on test once after the single test run, with the
classifier left as it was; each entry says which. Reviewing only disagreements favours the
classifier a little (an error page labelled "privacy" that it also calls a policy stays counted as
right), so read the reviewed figures with that in mind.

Usage:
    cargo build --release -p privlens-cli
    python3 eval/doc_kind.py --split dev            # misclassified dev items are listed
    python3 eval/doc_kind.py --split test           # figures only (no error listing)
    python3 eval/doc_kind.py --split all --json out.json
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASETS = Path("/work/shared/datasets")
SEEDS = Path("/work/shared/seeds")
CLI = REPO / "target" / "release" / "privlens"
REVIEW = Path(__file__).resolve().parent / "doc_kind_review.json"

# Gold kinds. "privacy" and "cookie" are policies (is_policy = true); "terms" and "other" are not.
POLICY_KINDS = {"privacy", "cookie"}
PREDICTED = {"privacy_policy": "privacy", "cookie_policy": "cookie", "terms_of_service": "terms", "other": "other"}

# OpenTermsArchive terms types that are terms of service (scored for ToS-vs-privacy); every
# other non-policy type is a plain negative.
OTA_TERMS = {"Terms of Service", "Developer Terms", "Commercial Terms"}
# tosback2 titles (terms_or_other_legal) that name a contract of use, scored as terms.
TOSBACK_TERMS = re.compile(r"\bterms\b|\bconditions\b|agreement|\beula\b|licen[cs]e", re.I)
# tosback2 texts shorter than this are crawl failures (404 pages, "service unavailable", bot checks).
TOSBACK_MIN_WORDS = 150
COOKIE_TITLE = re.compile(r"cookie", re.I)
PRIVACY_TITLE = re.compile(r"privacy|data (use )?policy|personal (data|information)", re.I)


@dataclass
class Item:
    corpus: str
    key: str  # stable identifier the split is computed from
    label: str  # privacy | cookie | terms | other
    ext: str
    content: bytes
    note: str = ""  # e.g. the title
    combined: bool = False  # the title names both terms and privacy: not scored for ToS-vs-privacy
    result: dict = field(default_factory=dict)
    review: dict = field(default_factory=dict)  # this item's entry in doc_kind_review.json, if any

    def gold(self, reviewed: bool) -> tuple[str, bool]:
        """(label, combined), as the dataset labels it or after review."""
        if reviewed and self.review:
            return self.review.get("label", self.label), self.review.get("combined", self.combined)
        return self.label, self.combined

    @property
    def split(self) -> str:
        return split_of(self.key)


def split_of(key: str) -> str:
    return "dev" if hashlib.md5(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def load_opp115() -> list[Item]:
    titles = {}
    with open(DATASETS / "opp115" / "original_policies_index.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            titles[Path(row["path"]).name] = row["title"]
    items = []
    for p in sorted((DATASETS / "opp115" / "original_policies").glob("*.html")):
        title = titles.get(p.name, "")
        combined = bool(re.search(r"\bterms\b", title, re.I))
        items.append(Item("opp115", "opp115/" + p.name, "privacy", "html", p.read_bytes(), note=p.name, combined=combined))
    return items


def visible_words(text: str) -> int:
    """Words of a tosback2 text with its tags stripped; CJK characters count two to a word."""
    plain = re.sub(r"<[^>]+>", " ", text)
    return len(plain.split()) + len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", plain)) // 2


def load_tosback2() -> list[Item]:
    items = []
    with gzip.open(DATASETS / "tosback2" / "tosback2_documents.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            kind, title = d["doc_type_from_title"], d["doc_title"]
            if kind == "privacy":
                label = "cookie" if COOKIE_TITLE.search(title) and not re.search(r"privacy", title, re.I) else "privacy"
                combined = bool(re.search(r"\bterms\b|\btos\b", title, re.I))
            elif kind == "terms_or_other_legal":
                label = "terms" if TOSBACK_TERMS.search(title) else "other"
                combined = False
            else:
                continue  # "other": mixed bag (FAQs, security advisories, legal notices), not labelled
            # Crawl failures (error pages, bot walls, a PDF's bytes) are not the titled document.
            if visible_words(d["text"]) < TOSBACK_MIN_WORDS or d["text"].lstrip().startswith("%PDF"):
                continue
            html = "<html><body>\n" + d["text"] + "\n</body></html>\n"
            items.append(
                Item("tosback2", f"tosback2/{d['site']}/{title}", label, "html", html.encode("utf-8"), note=f"{d['site']} | {title}", combined=combined)
            )
    return items


def load_ota() -> list[Item]:
    items = []
    root = DATASETS / "opentermsarchive-pga-versions"
    for p in sorted(root.glob("*/*.md")):
        service, ttype = p.parent.name, p.stem
        if ttype == "Privacy Policy":
            label = "privacy"
        elif ttype == "Trackers Policy":
            label = "cookie"
        elif ttype in OTA_TERMS:
            label = "terms"
        else:
            label = "other"
        items.append(Item("ota", f"ota/{service}/{ttype}", label, "md", p.read_bytes(), note=f"{service} | {ttype}"))
    return items


def load_readability() -> list[Item]:
    items = []
    for p in sorted((DATASETS / "readability-test-pages" / "pages").glob("*/source.html")):
        items.append(Item("readability", "readability/" + p.parent.name, "other", "html", p.read_bytes(), note=p.parent.name))
    return items


def load_seeds() -> list[Item]:
    return [Item("seeds", "seeds/" + p.name, "privacy", "txt", p.read_bytes(), note=p.name) for p in sorted(SEEDS.glob("*.txt"))]


CORPORA = [load_opp115, load_tosback2, load_ota, load_readability, load_seeds]


def run_cli(items: list[Item]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="privlens-dockind-", dir="/tmp"))
    try:
        names = {}
        for n, it in enumerate(items):
            name = f"{n:05d}.{it.ext}"
            (tmp / name).write_bytes(it.content)
            names[name] = it
        proc = subprocess.run([str(CLI), "scan", "--jsonl", str(tmp)], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"privlens failed ({proc.returncode}): {proc.stderr[:2000]}")
        for line in proc.stdout.splitlines():
            v = json.loads(line)
            record(names[Path(v["file"]).name], v)
        # A crash in one file loses its worker's whole share of --jsonl output: scan those one by one.
        missing = [name for name, it in names.items() if not it.result]
        if missing:
            print(f"warning: {len(missing)} files missing from --jsonl output (a crash?); scanning them one by one", file=sys.stderr)
        for name in missing:
            one = subprocess.run([str(CLI), "scan", str(tmp / name), "--format", "json"], capture_output=True, text=True)
            if one.returncode == 0:
                record(names[name], json.loads(one.stdout))
            else:
                record(names[name], {"error": one.stderr.strip().splitlines()[0] if one.stderr.strip() else f"exit {one.returncode}"})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def record(it: Item, v: dict) -> None:
    if "error" in v:
        it.result = {"kind": "error", "is_policy": False, "confidence": 0.0, "reasons": [v["error"]]}
    else:
        d = v["document"]
        it.result = {k: d.get(k) for k in ("kind", "is_policy", "confidence", "reasons", "word_count")}


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def evaluate(items: list[Item], reviewed: bool) -> dict:
    out: dict = {"corpora": {}}
    groups = defaultdict(list)
    for it in items:
        groups[it.corpus].append(it)
    groups["ALL"] = list(items)
    for corpus, its in groups.items():
        c = defaultdict(int)
        for it in its:
            label, combined = it.gold(reviewed)
            gold = label in POLICY_KINDS
            pred = bool(it.result.get("is_policy"))
            c[("tp" if pred else "fn") if gold else ("fp" if pred else "tn")] += 1
            pk = PREDICTED.get(it.result.get("kind"), "other")
            if label in ("privacy", "terms") and not combined:
                c["kind_n"] += 1
                c["kind_ok"] += pk == label
                c[f"kind_n_{label}"] += 1
                c[f"kind_ok_{label}"] += pk == label
            if label == "cookie":
                c["cookie_n"] += 1
                c["cookie_ok"] += pk == "cookie"
        out["corpora"][corpus] = dict(c)
    return out


def print_table(heading: str, ev: dict) -> None:
    print(heading)
    print(f"{'corpus':<12} {'pos':>5} {'neg':>5} {'TP':>5} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6}   {'ToS-vs-privacy':>15} {'(privacy':>9} {'terms)':>7}  {'cookie kind':>11}")
    for corpus, c in ev["corpora"].items():
        tp, fp, fn, tn = (c.get(k, 0) for k in ("tp", "fp", "fn", "tn"))
        kind = f"{c.get('kind_ok', 0)}/{c.get('kind_n', 0)}={ratio(c.get('kind_ok', 0), c.get('kind_n', 0))}"
        kp = f"{c.get('kind_ok_privacy', 0)}/{c.get('kind_n_privacy', 0)}"
        kt = f"{c.get('kind_ok_terms', 0)}/{c.get('kind_n_terms', 0)}"
        ck = f"{c.get('cookie_ok', 0)}/{c.get('cookie_n', 0)}"
        print(f"{corpus:<12} {tp + fn:>5} {fp + tn:>5} {tp:>5} {fp:>4} {fn:>4} {ratio(tp, tp + fp):>6} {ratio(tp, tp + fn):>6}   {kind:>15} {kp:>9} {kt:>7}  {ck:>11}")


def print_errors(items: list[Item]) -> None:
    """Disagreements with the reviewed labels; items whose dataset label was overruled are listed
    after them, with the reason."""
    errs = []
    for it in items:
        label, combined = it.gold(True)
        gold = label in POLICY_KINDS
        pk = PREDICTED.get(it.result.get("kind"), "other")
        pred = bool(it.result.get("is_policy"))
        if gold != pred:
            errs.append(("FN" if gold else "FP", it, pk))
        elif label in ("privacy", "terms") and not combined and pk != label:
            errs.append(("KIND", it, pk))
        elif label == "cookie" and pk != "cookie":
            errs.append(("COOKIE", it, pk))
    print(f"\nmisclassified (reviewed labels): {len(errs)}")
    for tag, it, pk in sorted(errs, key=lambda e: (e[0], e[1].corpus, e[1].key)):
        r = it.result
        label, _ = it.gold(True)
        print(f"  {tag:<6} [{it.corpus}] {it.note}: gold {label}, got {pk} ({r.get('confidence')}, {r.get('word_count')} words) — {'; '.join(r.get('reasons') or [])}")
    reviewed = [it for it in items if it.review]
    print(f"\nlabels overruled by review ({REVIEW.name}): {len(reviewed)}")
    for it in sorted(reviewed, key=lambda i: i.key):
        label, combined = it.gold(True)
        now = "combined page (kept as policy, not scored for kind)" if combined and label == it.label else label
        print(f"  [{it.corpus}] {it.note}: {it.label} -> {now}, got {PREDICTED.get(it.result.get('kind'), 'other')} — {it.review.get('note', '')} ({it.review.get('reviewed', '')})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--errors", action="store_true", help="list misclassified items also for test/all (do not tune on them)")
    ap.add_argument("--json", help="write per-item results to this file")
    args = ap.parse_args()
    if not CLI.is_file():
        sys.exit(f"{CLI} not found: run `cargo build --release -p privlens-cli` first")
    items = [it for load in CORPORA for it in load()]
    review = json.loads(REVIEW.read_text(encoding="utf-8")) if REVIEW.is_file() else {}
    for it in items:
        it.review = review.get(it.key, {})
    if args.split != "all":
        items = [it for it in items if it.split == args.split]
    run_cli(items)
    n_reviewed = sum(1 for it in items if it.review)
    print_table(f"privlens document kind — split: {args.split} ({len(items)} items), labels as the datasets give them", evaluate(items, False))
    print()
    print_table(f"same, after review: {n_reviewed} labels overruled by {REVIEW.name}", evaluate(items, True))
    print("\nprec/recall: is_policy (privacy or cookie policy). ToS-vs-privacy: exact kind among gold privacy\n"
          "policies and terms of service (pages holding both left out). cookie kind: gold cookie policies\n"
          "labelled cookie_policy.")
    if args.split == "dev" or args.errors:
        print_errors(items)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([{"corpus": it.corpus, "key": it.key, "split": it.split, "label": it.label, "combined": it.combined, "review": it.review, **it.result} for it in items], f, indent=1)


if __name__ == "__main__":
    main()
