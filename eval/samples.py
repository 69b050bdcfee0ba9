"""The reader-judged samples of tosback2 privacy documents, in the order they were drawn.

Every sample is drawn (random.sample with its own seed) from the documents that the samples
listed in its `after` left; so no document is judged twice for the same kind of finding.
Python 3.11 standard library only.
"""
import gzip
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "datasets")
if not os.path.isdir(DATA):
    DATA = "/work/shared/datasets"

# name -> (seed, size, samples drawn before it). With "ie" the English tosback2 privacy documents
# are used up (860 in all); later readings use other corpora. "audit" and "heldout" are the signal audits'
# first two; "hs" and "tr" were both drawn from what "td" left.
DRAWS = {
    "audit": (20240601, 40, []),
    "heldout": (777, 30, ["audit"]),
    "tp": (4242, 40, ["audit", "heldout"]),
    "tq": (9191, 40, ["audit", "heldout", "tp"]),
    "td": (5151, 25, ["audit", "heldout", "tp", "tq"]),
    "hs": (6262, 30, ["audit", "heldout", "tp", "tq", "td"]),
    "tr": (7373, 40, ["audit", "heldout", "tp", "tq", "td"]),
    "ts": (8484, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr"]),
    "tu": (8585, 25, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts"]),
    "hv": (8686, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu"]),
    "hw": (8787, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv"]),
    "hx": (8888, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw"]),
    "tv": (8989, 25, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx"]),
    "hy": (9090, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv"]),
    "hz": (9292, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy"]),
    "ia": (9393, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz"]),
    "tw": (9494, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia"]),
    "ib": (9595, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw"]),
    "tx": (9696, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib"]),
    "ic": (9797, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx"]),
    "ty": (9898, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic"]),
    "tz": (10101, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic", "ty"]),
    "ua": (10202, 40, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic", "ty", "tz"]),
    "id": (10303, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic", "ty", "tz", "ua"]),
    "ue": (10404, 25, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic", "ty", "tz", "ua", "id"]),
    "ie": (10505, 30, ["audit", "heldout", "tp", "tq", "td", "hs", "tr", "ts", "tu", "hv", "hw", "hx", "tv", "hy", "hz", "ia", "tw", "ib", "tx", "ic", "ty", "tz", "ua", "id", "ue"]),
}


def privacy_documents():
    """English tosback2 privacy documents of at least 300 words of running text."""
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


def sample(name, docs=None, _memo={}):
    """The documents of one sample."""
    if name in _memo:
        return _memo[name]
    docs = docs if docs is not None else privacy_documents()
    seed, size, after = DRAWS[name]
    used = {key(d) for prior in after for d in sample(prior, docs)}
    random.seed(seed)
    _memo[name] = random.sample([d for d in docs if key(d) not in used], size)
    return _memo[name]


def write_html(out, prefix, docs):
    """Each document as <prefix>_<nn>_<site>.html in `out`."""
    for i, d in enumerate(docs):
        with open(os.path.join(out, f"{prefix}_{i:02d}_{d['site']}.html"), "w") as f:
            f.write("<html><body>" + d["text"] + "</body></html>")
