#!/usr/bin/env python3
"""Score trap detection on a directory of corpus files the way a user would
see it: one `hotseat assess --json -` process per answer, no competency, so
every rule runs.

    tools/score_corpus.py target/release/hotseat DIR [DIR...] [-v]

Each DIR holds files in the corpus form of tests/fixtures/corpus:
`Corpus(trap: "id", competencies: [...], fall: ["..."], strong: ["..."])`.
A fall answer counts as recalled when its trap fires; a strong answer is a
false positive when any trap fires. `-v` lists the misses and the false
positives with the evidence each trap quoted.

Use it on a new batch of answers *before* changing any rule for it: after
that, the batch measures only how well the rules were fitted to it.
"""

import collections
import glob
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def answers(src, key):
    """The strings of the `key: [...]` list of a corpus file."""
    m = re.search(key + r":\s*\[(.*?)\n\s*\]", src, re.S)
    return [json.loads('"' + s + '"') for s in STRING.findall(m.group(1))] if m else []


def load(dirs):
    items = []
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.ron"))):
            src = open(path, encoding="utf-8").read()
            trap = re.search(r'trap:\s*"([^"]+)"', src)
            trap = trap.group(1) if trap else None
            items += [(trap, "fall", t) for t in answers(src, "fall")]
            items += [(trap, "strong", t) for t in answers(src, "strong")]
    return items


def assess(binary, text):
    out = subprocess.run([binary, "assess", "--json", "-"], input=text.encode(), capture_output=True, check=True)
    traps = json.loads(out.stdout)["traps"]
    return {t["id"]: " | ".join(e["text"] for e in t["evidence"]) for t in traps}


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) < 2:
        sys.exit(__doc__)
    binary, dirs = args[0], args[1:]
    items = load(dirs)
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        found = list(pool.map(lambda item: assess(binary, item[2]), items))

    rows = collections.defaultdict(lambda: [0, 0, 0, 0])  # falls, recalled, strong, flagged
    misses, flagged = [], []
    for (trap, kind, text), fired in zip(items, found):
        row = rows[trap or "(strong only)"]
        if kind == "fall":
            row[0] += 1
            if trap in fired:
                row[1] += 1
            else:
                misses.append((trap, text, fired))
        else:
            row[2] += 1
            if fired:
                row[3] += 1
                flagged.append((trap, text, fired))

    for trap, (falls, recalled, strong, fps) in sorted(rows.items()):
        print(f"{trap:32} recall {recalled:4}/{falls:<4} flagged strong {fps:3}/{strong}")
    falls, recalled, strong, fps = (sum(r[i] for r in rows.values()) for i in range(4))
    print(f"TOTAL recall {recalled}/{falls} = {100 * recalled / max(falls, 1):.1f}%   "
          f"flagged strong {fps}/{strong} = {100 * fps / max(strong, 1):.1f}%")
    if "-v" in sys.argv:
        for title, rows in (("MISSES", misses), ("FLAGGED STRONG ANSWERS", flagged)):
            print(f"\n# {title}")
            for trap, text, fired in rows:
                print(f"[{trap}] {text}\n    -> {fired or 'no trap'}")


if __name__ == "__main__":
    main()
