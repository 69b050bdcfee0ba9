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

A third set (`--set heldout2`): 30 further tosback2 privacy documents (sample "hs" of
eval/samples.py, random.seed(6262)), judged once on commit 34e71de (2026-11-23) by the same
rules, before the fixes they prompted. A fourth (`--set heldout3`, sample "hv", random.seed(8686)):
30 further documents judged once on commit 421d1e6, after all the session's fixes. A fifth
(`--set heldout4`, sample "hw", random.seed(8787)): 30 more, judged once on commit daee565. A
sixth (`--set heldout5`, sample "hx"): 30 more, judged once on commit c1872dc. A seventh
(`--set heldout6`, sample "hy"): 30 more, judged once on commit 6906cd9, the end of session 3.
An eighth (`--set heldout7`, sample "hz", random.seed(9292)): 30 more, judged once on commit
5163ef0 (session 4, 2026-11-23), by three reader helpers following the same rules, before the
fixes they prompted. A ninth (`--set heldout8`, sample "ia", random.seed(9393)): 30 more,
judged once on commit e1f6259, after those fixes, the same way. A tenth (`--set heldout9`,
sample "ib", random.seed(9595)): 30 more, judged once on commit bacf02b. An eleventh (`--set
heldout10`, sample "ic", random.seed(9797)): 30 more, judged once on commit 6e05df1, the rules at
the end of session 4, after which no rule changed: unbiased for that code. A twelfth (`--set
heldout11`, sample "id", random.seed(10303)): 30 more, judged once on commit 1d4df93 (session 5),
each page scanned with its site's address as the extension does (and so replayed). A
thirteenth (`--set heldout12`, sample "ie", random.seed(10505), 30 of the last 31 unread tosback2
privacy documents): judged once on commit 625533a, the session-5 rules, the same way.
eval/samples.py draws every judged sample.

usage: python3 eval/signal_audit.py [--set audit|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12] [--cli target/release/privlens] [--list]
Build first: cargo build --release -p privlens-cli
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile

from samples import DATA, ROOT, sample, write_html


def build_sample(out):
    for i, d in enumerate(sample("audit")):
        name = f"tb_{i:02d}_" + re.sub(r"[^A-Za-z0-9.]+", "_", d["site"] + "_" + d["doc_title"])[:60]
        with open(os.path.join(out, name + ".html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")
    for p in glob.glob(os.path.join(DATA, "opentermsarchive-pga-versions", "*", "Privacy Policy.md")):
        shutil.copy(p, os.path.join(out, "ota_" + p.split(os.sep)[-2] + ".md"))


SETS = {
    "audit": ("signal_audit_judgements.json", build_sample),
    "heldout": ("signal_audit_heldout_judgements.json", lambda out: write_html(out, "hb", sample("heldout"))),
    "heldout2": ("signal_audit_heldout2_judgements.json", lambda out: write_html(out, "hs", sample("hs"))),
    "heldout3": ("signal_audit_heldout3_judgements.json", lambda out: write_html(out, "hv", sample("hv"))),
    "heldout4": ("signal_audit_heldout4_judgements.json", lambda out: write_html(out, "hw", sample("hw"))),
    "heldout5": ("signal_audit_heldout5_judgements.json", lambda out: write_html(out, "hx", sample("hx"))),
    "heldout6": ("signal_audit_heldout6_judgements.json", lambda out: write_html(out, "hy", sample("hy"))),
    "heldout7": ("signal_audit_heldout7_judgements.json", lambda out: write_html(out, "hz", sample("hz"))),
    "heldout8": ("signal_audit_heldout8_judgements.json", lambda out: write_html(out, "ia", sample("ia"))),
    "heldout9": ("signal_audit_heldout9_judgements.json", lambda out: write_html(out, "ib", sample("ib"))),
    "heldout10": ("signal_audit_heldout10_judgements.json", lambda out: write_html(out, "ic", sample("ic"))),
    "heldout11": ("signal_audit_heldout11_judgements.json", lambda out: write_html(out, "id", sample("id"))),
    "heldout12": ("signal_audit_heldout12_judgements.json", lambda out: write_html(out, "ie", sample("ie"))),
}
# Sets judged on reports made with each page's address (https://<site>/), as the extension scans.
WITH_URL = {"heldout11", "heldout12"}


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
            url = ["--url", "https://" + doc.split("_", 2)[2] + "/"] if args.set in WITH_URL else []
            out = subprocess.run([args.cli, "scan", path, "--format", "json", *url], capture_output=True, text=True)
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
