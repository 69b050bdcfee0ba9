#!/usr/bin/env python3
"""How right are the named third parties and the data types privlens reports on policies
nobody tuned it on? A reader's judgements, replayed against the current build.

Python 3.11 standard library only. Rebuilds each sample in a temporary directory from
/work/shared/datasets (never into the repository): English tosback2 privacy documents, each
sample drawn from what the earlier ones left (eval/samples.py lists every draw).

Sets (judgement files in eval/):
  third_parties         40 documents, random.seed(4242). Every named third party commit
                        f399fdc raised, judged once by reading the document (C correct, D
                        debatable, W wrong with an error class), and the clear recipients it
                        missed. Rules were then fixed on this sample: later runs are in-sample.
  third_parties_second  40 further documents, random.seed(9191), judged the same way on commit
                        9440323, after the fixes the first set prompted: its first figure is an
                        unbiased one for those fixes.
  data_types            25 further documents, random.seed(5151): every data type commit 9440323
                        said is collected, judged the same way (C-weak in `why`: true of the
                        document, not shown by the quotes), and clear misses.
  third_parties_third   40 further documents, random.seed(7373), judged on commit 34e71de,
                        after the fixes the first two sets prompted: unbiased for those fixes.
  third_parties_fourth  40 further documents, random.seed(8484), judged on commit 421d1e6, after
                        all the fixes; no rule changed after: unbiased for the code it judged.
  third_parties_fifth   40 further documents, random.seed(9494), judged on commit e1f6259 (session
                        4) by two reader helpers the same way, before the fixes it prompted.
  third_parties_sixth   40 further documents, random.seed(9696), judged on commit bacf02b the same
                        way, before the fixes it prompted.
  third_parties_seventh 40 further documents, random.seed(9898), judged on commit 6e05df1, the
                        rules at the end of session 4; no rule changed after: unbiased for them.
  third_parties_eighth  40 further documents, random.seed(10101), judged on commit 83ac40d (the
                        end of session 4) by three reader helpers, before the fixes it prompted.
  third_parties_ninth   40 further documents, random.seed(10202), judged on commit a6d66fd (after
                        the eighth set's fixes), each page scanned with its site's address; the
                        judgement file says so ("with_url") and replays use it too.
  third_parties_tenth   the 25 OpenTermsArchive privacy policies (Markdown; the tosback2 pool is
                        used up), judged on commit 625533a, the session-5 rules, with addresses.
  data_types_second     25 further documents, random.seed(8585), judged on commit 421d1e6 the
                        same way: unbiased for the data-type fixes.
  data_types_third      25 further documents, random.seed(8989), judged on commit c1872dc, the
                        end of session 3.
  data_types_fourth     25 further documents, random.seed(10404), judged on commit c7b6dd9
                        (session 5) by three reader helpers, each page scanned with its address.
  data_types_fifth      the 25 OpenTermsArchive privacy policies (2026 Markdown), judged on commit
                        48c5f0e (session 6) by four reader helpers, with addresses.
  rights                the rights the same 25 policies give their readers, judged on commit
                        b6d8e68 (session 6) by three reader helpers, with addresses.

--url scans each page with its site's address (https://<site>/), as the extension always does;
the sets up to the eighth were judged on reports made without it, the ninth with it.

Prints: judged items still reported by verdict, correct ones lost, precision among judged items
still reported, how many missed items are now found, and new (unjudged) items.

usage: python3 eval/extraction_audit.py [--set third_parties|third_parties_second|third_parties_third|
                                              third_parties_fourth|third_parties_fifth|third_parties_sixth|third_parties_seventh|third_parties_eighth|third_parties_ninth|third_parties_tenth|data_types|data_types_second|
                                              data_types_third|data_types_fourth|data_types_fifth|rights]
                                        [--cli target/release/privlens] [--url]
Build first: cargo build --release -p privlens-cli
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import tempfile

from samples import DATA, ROOT, sample, write_html
# Set -> (judgement file, sample name in eval/samples.py, what is judged: "name" a named third
# party, "id" a data type, "right" a right; the last two are known by their "id").
SETS = {
    "third_parties": ("audit_third_parties_judgements.json", "tp", "name"),
    "third_parties_second": ("audit_third_parties_second_judgements.json", "tq", "name"),
    "third_parties_third": ("audit_third_parties_third_judgements.json", "tr", "name"),
    "third_parties_fourth": ("audit_third_parties_fourth_judgements.json", "ts", "name"),
    "third_parties_fifth": ("audit_third_parties_fifth_judgements.json", "tw", "name"),
    "third_parties_sixth": ("audit_third_parties_sixth_judgements.json", "tx", "name"),
    "third_parties_seventh": ("audit_third_parties_seventh_judgements.json", "ty", "name"),
    "third_parties_eighth": ("audit_third_parties_eighth_judgements.json", "tz", "name"),
    "third_parties_ninth": ("audit_third_parties_ninth_judgements.json", "ua", "name"),
    "third_parties_tenth": ("audit_third_parties_tenth_judgements.json", "ota", "name"),
    "data_types": ("audit_data_types_judgements.json", "td", "id"),
    "data_types_second": ("audit_data_types_second_judgements.json", "tu", "id"),
    "data_types_third": ("audit_data_types_third_judgements.json", "tv", "id"),
    "data_types_fourth": ("audit_data_types_fourth_judgements.json", "ue", "id"),
    "data_types_fifth": ("audit_data_types_fifth_judgements.json", "ota", "id"),
    "rights": ("audit_rights_judgements.json", "ota", "right"),
}


# The OpenTermsArchive services and their sites, for the page address a browser would know.
OTA_SITES = {
    "BeReal": "bere.al", "Bluesky": "bsky.app", "Facebook": "facebook.com", "Instagram": "instagram.com",
    "LINE": "line.me", "LinkedIn": "linkedin.com", "Moltbook": "moltbook.com", "Parler": "parler.com",
    "Pinterest": "pinterest.com", "Quora": "quora.com", "Reddit": "reddit.com", "Snapchat": "snapchat.com",
    "Spotify": "spotify.com", "Telegram": "telegram.org", "Threads": "threads.net", "TikTok": "tiktok.com",
    "TruthSocial": "truthsocial.com", "Tumblr": "tumblr.com", "Twitch": "twitch.tv", "Twitter": "twitter.com",
    "Upscrolled": "upscrolled.com", "WeChat": "wechat.com", "WhatsApp": "whatsapp.com", "X": "x.com",
    "YouTube": "youtube.com",
}


def write_ota(out):
    """The 25 OpenTermsArchive privacy policies as ota_<nn>_<site>.md."""
    for i, (name, site) in enumerate(sorted(OTA_SITES.items())):
        src = os.path.join(DATA, "opentermsarchive-pga-versions", name, "Privacy Policy.md")
        shutil.copy(src, os.path.join(out, f"ota_{i:02d}_{site}.md"))


def reported(cli, path, field, with_url=False):
    args = [cli, "scan", path, "--format", "json"]
    if with_url:
        # <prefix>_<nn>_<site>.html: the page's address as the extension would know it.
        args += ["--url", "https://" + os.path.splitext(os.path.basename(path))[0].split("_", 2)[2] + "/"]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode:
        return set()
    practices = json.loads(r.stdout)["practices"]
    if field == "name":
        return {t["name"] for t in practices["third_parties"] if not t["generic"]}
    return {f["id"] for f in practices["rights" if field == "right" else "data_collected"]}


def found(wanted, items, field):
    if field != "name":
        return wanted in items
    wanted = wanted.split(" (")[0].lower()
    return any(wanted in n.lower() or n.lower() in wanted for n in items)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "privlens"))
    ap.add_argument("--set", choices=list(SETS), default="third_parties")
    ap.add_argument("--url", action="store_true",
                    help="scan each page with its site's address, as the extension does (judged without)")
    args = ap.parse_args()
    name, prefix, field = SETS[args.set]
    audit = json.load(open(os.path.join(ROOT, "eval", name)))
    by_doc = collections.defaultdict(dict)
    key = "name" if field == "name" else "id"
    for j in audit["judgements"]:
        by_doc[j["doc"]][j[key]] = j
    still, lost, new, recovered = collections.Counter(), [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        if prefix == "ota":
            write_ota(tmp)
        else:
            write_html(tmp, prefix, sample(prefix))
        for doc in sorted(os.listdir(tmp)):
            items = reported(args.cli, os.path.join(tmp, doc), field, args.url or audit.get("with_url", False))
            for item, j in by_doc[doc].items():
                if item in items:
                    still[j["verdict"]] += 1
                elif j["verdict"] == "C":
                    lost.append(f"{doc}: {item}")
            new += [f"{doc}: {n}" for n in sorted(items - set(by_doc[doc]))]
            recovered += sum(found(m[key], items, field) for m in audit["missed"] if m["doc"] == doc)
    c, d, w = still["C"], still["D"], still["W"]
    print(f"{len(audit['judgements'])} judged; still reported: {c} correct, {d} debatable, {w} wrong; correct lost: {len(lost)}")
    for line in lost:
        print("  lost", line)
    print(f"precision among judged items still reported: {c / max(1, c + d + w):.3f} (debatable as wrong), {c / max(1, c + w):.3f} (debatable left out)")
    print(f"missed items now found: {recovered} of {len(audit['missed'])}")
    print(f"new, unjudged items: {len(new)}")
    for line in new:
        print("  new", line)


if __name__ == "__main__":
    main()
