#!/usr/bin/env python3
"""Trains the learned trap scorer that sits beside the catalogue's rules and
writes it to assets/scorer.bin.

    pip install scikit-learn scipy numpy
    tools/train_scorer.py            # reads tests/fixtures/corpus/*.ron

One logistic regression per text trap of the bundled catalogue, over hashed
character n-grams (2 to 4 characters, within whitespace-separated words
padded with a space, lower-cased; FNV-1a 64 of the UTF-8 bytes modulo 2^16;
1 + ln(count), then unit length). `src/assess/scorer.rs` computes exactly
the same features; `cargo test scorer` checks the two agree on fixed texts.
The labels are the corpus's: a trap's `fall` answers are positive for it,
every other answer (strong answers, other traps' falls) negative.

File format (little-endian): b"HSCR1", u32 dims, u16 traps; per trap: u8
id length, id bytes, f32 bias, f32 scale; then traps x dims i8 weights
(weight = i8 * scale).
"""

import glob
import json
import math
import os
import re
import struct
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIMS = 1 << 16
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def fnv1a(data):
    h = 0xCBF29CE484222325
    for c in data:
        h ^= c
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def features(text):
    counts = {}
    for word in text.lower().split():
        chars = list(" " + word + " ")
        for n in (2, 3, 4):
            for i in range(len(chars) - n + 1):
                k = fnv1a("".join(chars[i:i + n]).encode()) % DIMS
                counts[k] = counts.get(k, 0) + 1
    if not counts:
        return {}
    v = {k: 1.0 + math.log(c) for k, c in counts.items()}
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()}


def matrix(texts):
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        for k, x in features(t).items():
            rows.append(i)
            cols.append(k)
            vals.append(x)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), DIMS))


def answers(src, key):
    m = re.search(key + r":\s*\[(.*?)\n\s*\]", src, re.S)
    return [json.loads('"' + s + '"') for s in STRING.findall(m.group(1))] if m else []


def main():
    items = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/corpus/*.ron"))):
        src = open(path, encoding="utf-8").read()
        trap = re.search(r'trap:\s*"([^"]+)"', src)
        trap = trap.group(1) if trap else None
        items += [(trap, True, t) for t in answers(src, "fall")]
        items += [(trap, False, t) for t in answers(src, "strong")]
    # Every bundled model answer and every catalogue example is a strong
    # answer by definition: negatives for every trap.
    for path in sorted(glob.glob(os.path.join(ROOT, "scenarios/*.ron"))) + [os.path.join(ROOT, "assets/traps.ron")]:
        src = open(path, encoding="utf-8").read()
        for m in re.finditer(r'(?:model_answer|example):\s*"((?:[^"\\]|\\.)*)"', src):
            items.append((None, False, json.loads('"' + m.group(1) + '"')))
    traps = sorted({t for t, fall, _ in items if t and fall})
    x = matrix([t for _, _, t in items])
    out = bytearray(b"HSCR1" + struct.pack("<IH", DIMS, len(traps)))
    weights = []
    for trap in traps:
        y = np.array([1 if (t == trap and fall) else 0 for t, fall, _ in items])
        model = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced").fit(x, y)
        w = model.coef_[0]
        scale = float(np.abs(w).max()) / 127.0 or 1.0
        weights.append(np.clip(np.round(w / scale), -127, 127).astype(np.int8))
        out += struct.pack("<B", len(trap.encode())) + trap.encode()
        out += struct.pack("<ff", float(model.intercept_[0]), scale)
        print(f"{trap:32} positives {int(y.sum()):5}", file=sys.stderr)
    for w in weights:
        out += w.tobytes()
    path = os.path.join(ROOT, "assets/scorer.bin")
    open(path, "wb").write(bytes(out))
    print(f"wrote {path}: {len(traps)} traps, {DIMS} dimensions, {len(out)} bytes from {len(items)} answers",
          file=sys.stderr)
    # Fixed probes for the parity test in src/assess/scorer.rs.
    for probe in ["Legal will handle the residency question.", "我们把数据放在新加坡，便宜三成。", ""]:
        f = features(probe)
        print(json.dumps({"text": probe, "features": sorted(f.items())[:5], "n": len(f)}, ensure_ascii=False),
              file=sys.stderr)


if __name__ == "__main__":
    main()
