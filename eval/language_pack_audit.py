#!/usr/bin/env python3
"""How right is what privlens reports on privacy policies in German, French, Spanish, Dutch
and Portuguese, read with its language packs? A reader's judgements, replayed against the
current build.

Python 3.11 standard library only. The documents are tosback2's privacy documents in those
languages (every one of them but the four German ones the German pack was tuned on: amazon.de,
chip.de, ebay.de, gmx.net) and are rebuilt in a temporary directory from /work/shared/datasets
(never into the repository). Each page is scanned with its site's address, as the extension does.

What is judged, per document: every data type (`data`), right (`right`), third party, named or
generic (`party`), and retention period in days or "indefinite" (`keep`) the report holds;
C correct, D debatable, W wrong (with the reason in `why`), and the clear items the report
missed. The judgement file names the commit it was judged on; its first figure is unbiased for
that commit, later runs after fixes are in-sample.

usage: python3 eval/language_pack_audit.py                 # replay the judgements
       python3 eval/language_pack_audit.py --write DIR     # pages and what the build reports, for readers
Build first: cargo build --release -p privlens-cli
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import tempfile

from samples import DATA, ROOT

# (language, tosback2 site, document title)
DOCS = [
    ("de", "af-medical.com", "Privacy Policy"),
    ("de", "google.de", "Privacy Policy"),
    ("de", "quisma.com", "Privacy Policy"),
    ("de", "t-online.de", "Privacy Policy"),
    ("de", "telekom.de", "Privacy Policy"),
    ("de", "web.de", "Privacy Policy"),
    ("de", "yahoo.de", "Privacy Policy"),
    ("fr", "amazon.fr", "Privacy Policy"),
    ("fr", "aufeminin.com", "Privacy Policy"),
    ("fr", "cyberpresse.ca", "Privacy Policy"),
    ("fr", "google.fr", "Privacy Policy"),
    ("fr", "laredoute.fr", "Privacy Policy"),
    ("fr", "orange.fr", "Privacy Policy"),
    ("fr", "priceminister.com", "Privacy Policy"),
    ("es", "msnlatino.telemundo.com", "Privacy Policy"),
    ("es", "verizon.com", "Smart Family Privacy Policy"),
    ("es", "verizon.com", "Gizmo Privacy Policy"),
    ("nl", "google.nl", "Privacy Policy"),
    ("pt", "google.com.br", "Privacy Policy"),
]
# Session 10's languages: every tosback2 privacy document in them (baidu.com's is a 93-word stub).
DOCS_SESSION10 = [
    ("ko", "naver.com", "Privacy Policy"),
    ("ko", "daum.net", "Privacy Policy"),
    ("hu", "epulettar.hu", "Privacy Policy"),
]
JUDGEMENTS = os.path.join(ROOT, "eval", "audit_language_packs_judgements.json")
JUDGEMENTS_SESSION10 = os.path.join(ROOT, "eval", "audit_language_packs_session10_judgements.json")
FIELDS = ("data", "right", "party", "keep")


def doc_name(i, lang, site):
    return f"lp_{i:02d}_{lang}_{site}.html"


def write_pages(out):
    wanted = {(site, title): i for i, (_, site, title) in enumerate(DOCS)}
    with gzip.open(os.path.join(DATA, "tosback2", "tosback2_documents.jsonl.gz"), "rt") as f:
        for line in f:
            d = json.loads(line)
            i = wanted.get((d["site"], d["doc_title"]))
            if i is not None and d["doc_type_from_title"] == "privacy":
                lang, site, _ = DOCS[i]
                with open(os.path.join(out, doc_name(i, lang, site)), "w") as page:
                    page.write("<html><body>" + d["text"] + "</body></html>")


def report_of(cli, path):
    site = os.path.splitext(os.path.basename(path))[0].split("_", 3)[3]
    r = subprocess.run([cli, "scan", path, "--format", "json", "--url", f"https://{site}/"], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else None


def items_of(report):
    """field -> {item: first quote}"""
    if report is None:
        return {f: {} for f in FIELDS}
    p = report["practices"]
    keep = {}
    for r in p["retention"]:
        keep.setdefault("indefinite" if r["indefinite"] else str(r["days"]), r["evidence"]["quote"])
    return {
        "data": {f["id"]: f["evidence"][0]["quote"] for f in p["data_collected"]},
        "right": {f["id"]: f["evidence"][0]["quote"] for f in p["rights"]},
        "party": {t["name"]: t["evidence"][0]["quote"] for t in p["third_parties"]},
        "keep": keep,
    }


def write_for_readers(cli, out):
    os.makedirs(out, exist_ok=True)
    write_pages(out)
    for doc in sorted(os.listdir(out)):
        if doc.endswith(".html"):
            report = report_of(cli, os.path.join(out, doc))
            with open(os.path.join(out, doc.replace(".html", ".items.json")), "w") as f:
                json.dump({"language": report and report["language"], "read_with": report and report.get("read_with"),
                           "items": items_of(report)}, f, ensure_ascii=False, indent=1)


def replay(cli):
    audit = json.load(open(JUDGEMENTS))
    judged = collections.defaultdict(dict)
    for j in audit["judgements"]:
        judged[(j["doc"], j["field"])][j["item"]] = j["verdict"]
    still = collections.defaultdict(collections.Counter)
    lost, new, recovered = [], [], collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        write_pages(tmp)
        for doc in sorted(os.listdir(tmp)):
            items = items_of(report_of(cli, os.path.join(tmp, doc)))
            for field in FIELDS:
                for item, verdict in judged[(doc, field)].items():
                    if item in items[field]:
                        still[field][verdict] += 1
                    elif verdict == "C":
                        lost.append(f"{doc}: {field} {item}")
                new += [f"{doc}: {field} {i}" for i in sorted(set(items[field]) - set(judged[(doc, field)]))]
                recovered[field] += sum(m["item"] in items[field] for m in audit["missed"] if (m["doc"], m["field"]) == (doc, field))
    missed = collections.Counter(m["field"] for m in audit["missed"])
    print(f"judged on {audit['commit']}; {len(audit['judgements'])} items")
    for field in FIELDS:
        c, d, w = (still[field][v] for v in "CDW")
        print(f"  {field:5s} still reported: {c} correct, {d} debatable, {w} wrong; precision {c / max(1, c + d + w):.3f}"
              f" ({c / max(1, c + w):.3f} debatable left out); missed now found {recovered[field]} of {missed[field]}")
    c = sum(still[f]["C"] for f in FIELDS)
    dw = sum(still[f]["D"] + still[f]["W"] for f in FIELDS)
    w = sum(still[f]["W"] for f in FIELDS)
    print(f"  all   precision {c / max(1, c + dw):.3f} ({c / max(1, c + w):.3f} debatable left out)")
    print(f"correct lost: {len(lost)}")
    for line in lost:
        print("  lost", line)
    print(f"new, unjudged items: {len(new)}")
    for line in new:
        print("  new", line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "privlens"))
    ap.add_argument("--write", metavar="DIR", help="write the pages and the items the build reports, for readers")
    ap.add_argument("--set", choices=["first", "session10"], default="first",
                    help="the documents and judgements: sessions 7-8 (German, French, Spanish, Dutch, Portuguese) or session 10 (Korean, Hungarian)")
    args = ap.parse_args()
    if args.set == "session10":
        global DOCS, JUDGEMENTS
        DOCS, JUDGEMENTS = DOCS_SESSION10, JUDGEMENTS_SESSION10
    if args.write:
        write_for_readers(args.cli, args.write)
    else:
        replay(args.cli)


if __name__ == "__main__":
    main()
