#!/usr/bin/env python3
"""Button-role accuracy of the release CLI (`privlens button-role`) on labelled banner buttons.

Data (read-only, from /work/shared/datasets; see each folder's FORMAT.md):
  alsacnc      alsacnc-cookie-notice/data/interactive_elements.csv: 2,356 lower-cased texts of
               clickable elements in real EU/UK cookie banners, hand-labelled
               (Accept, Reject, Cookies settings, Save cookie settings,
               Close/Continue without accepting, Other).
  observatory  consent-observatory/crawl-2025-de-us/buttons_{germany,us}.csv: real button texts of
               a 2025 DE/US crawl with the crawler's role code (1 accept, 2 reject, 3 settings,
               4 save, 5 pay), deduplicated on (whitespace-normalised, lower-cased text, code).
  The word list consent-observatory/normalized_button_words.json is not used: its entries have
  every space and punctuation mark removed ("acceptallcookies"), which is not a button label.

Gold -> role: accept, reject, settings, save, pay, other as named; alsacnc's
"Close/Continue without accepting" counts as right when the tool says close or reject
(both end the banner without consent).

Split: md5 of the normalised text; last hex digit even -> dev, odd -> test. The same text
lands in the same split in both data sets. Lexicon and rules are tuned on dev only; the
reported figure is test.

Reviewed labels (--reviewed): eval/button_review.json holds a reader's label for every text on
which the tool and a data set disagreed (at the commit it names), given from the text alone
without seeing either label. With --reviewed, such a text takes the reader's role unless the
reader marked it unsure. Agreements were not reviewed, so reviewed figures are an upper
reading: report them beside the raw ones.

usage: python3 eval/button_roles.py [--bin target/release/privlens] [--split dev|test|all]
                                    [--misses dev|test] [--limit N] [--reviewed]
Build first: cargo build --release -p privlens-cli
"""
import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
if not os.path.isdir(DATA):
    DATA = "/work/shared/datasets"

ALSACNC = {
    "Accept": "accept", "Reject": "reject", "Cookies settings": "settings",
    "Save cookie settings": "save", "Close/Continue without accepting": "close_or_reject", "Other": "other",
}
OBSERVATORY = {"1": "accept", "2": "reject", "3": "settings", "4": "save", "5": "pay"}
MAIN = ("accept", "reject", "settings")
CLASSES = ("accept", "reject", "settings", "save", "close_or_reject", "pay", "other")


def norm(text):
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def split_of(text):
    return "dev" if int(hashlib.md5(text.encode("utf-8")).hexdigest()[-1], 16) % 2 == 0 else "test"


def load_alsacnc():
    path = os.path.join(DATA, "alsacnc-cookie-notice", "data", "interactive_elements.csv")
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = norm(row["text"])
            if text:
                yield text, ALSACNC[row["label"]]


def load_observatory():
    seen = set()
    for country in ("germany", "us"):
        path = os.path.join(DATA, "consent-observatory", "crawl-2025-de-us", f"buttons_{country}.csv")
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                key = (norm(row["text"]), row["category"])
                if key[0] and key[1] in OBSERVATORY and key not in seen:
                    seen.add(key)
                    yield key[0], OBSERVATORY[key[1]]


def reviewed(rows):
    """The rows with the reader's role wherever the reader reviewed the text and was sure."""
    with open(os.path.join(ROOT, "eval", "button_review.json"), encoding="utf-8") as f:
        sure = {x["text"]: x["role"] for x in json.load(f)["labels"] if not x["unsure"]}
    return [(t, sure.get(t, g)) for t, g in rows]


def predict(binary, texts):
    """One CLI run for all texts: one label per line in, one role per line out."""
    out = subprocess.run([binary, "button-role", "-"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout.split("\n")
    roles = out[: len(texts)]
    if len(roles) != len(texts):
        sys.exit(f"{binary}: {len(roles)} roles for {len(texts)} labels")
    return roles


def correct(gold, pred):
    return pred in ("close", "reject") if gold == "close_or_reject" else gold == pred


def scores(items):
    """items: (text, gold, pred). Accuracy overall and on accept/reject/settings, per-class P/R."""
    n = len(items)
    main = [x for x in items if x[1] in MAIN]
    out = {
        "n": n,
        "acc": sum(correct(g, p) for _, g, p in items) / n if n else float("nan"),
        "n_main": len(main),
        "acc_main": sum(correct(g, p) for _, g, p in main) / len(main) if main else float("nan"),
        "classes": {},
    }
    for c in CLASSES:
        gold = [x for x in items if x[1] == c]
        if not gold:
            continue
        said = [x for x in items if x[2] == c or (c == "close_or_reject" and x[2] == "close")]
        tp_r = sum(correct(g, p) for _, g, p in gold)
        tp_p = sum(1 for _, g, p in said if g == c or (g == "close_or_reject" and c == "reject" and p == "reject"))
        out["classes"][c] = (tp_p / len(said) if said else float("nan"), len(said), tp_r / len(gold), len(gold))
    return out


def show(name, s):
    print(f"  {name:<12} n={s['n']:5d}  accuracy {s['acc']:.3f}   accept/reject/settings n={s['n_main']:4d}  accuracy {s['acc_main']:.3f}")
    for c, (p, np_, r, nr) in s["classes"].items():
        print(f"      {c:<16} precision {p:.3f} (said {np_:4d})   recall {r:.3f} (gold {nr:4d})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "privlens"))
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test", help="which split to score (default test)")
    ap.add_argument("--misses", choices=("dev", "test"), help="list the wrong predictions of this split")
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--reviewed", action="store_true", help="score against the reader-reviewed labels")
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin} not found: cargo build --release -p privlens-cli")

    sets = {"alsacnc": list(load_alsacnc()), "observatory": list(load_observatory())}
    if a.reviewed:
        sets = {name: reviewed(rows) for name, rows in sets.items()}
    texts = sorted({t for rows in sets.values() for t, _ in rows})
    role = dict(zip(texts, predict(a.bin, texts)))
    print(f"privlens button-role ({a.bin}); split = md5(text) last hex digit even -> dev, odd -> test")
    for split in (("dev", "test") if a.split == "all" else (a.split,)):
        print(f"[{split}]")
        combined = []
        for name, rows in sets.items():
            items = [(t, g, role[t]) for t, g in rows if split_of(t) == split]
            combined += items
            show(name, scores(items))
        show("both", scores(combined))
    if a.misses:
        print(f"misses on {a.misses}:")
        shown = 0
        for name, rows in sets.items():
            for t, g in rows:
                if split_of(t) == a.misses and not correct(g, role[t]) and shown < a.limit:
                    shown += 1
                    print(f"  {name:<11} gold={g:<15} said={role[t]:<8} {t!r}")


if __name__ == "__main__":
    main()
