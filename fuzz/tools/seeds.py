#!/usr/bin/env python3
"""Writes the seed inputs of every fuzz target into fuzz/seeds/<target>/.

Seeds are where a run starts; `cargo fuzz cmin` then keeps what adds
coverage into fuzz/corpus/<target>/, which is what is committed. Usage
(from the repository root):

    python3 fuzz/tools/seeds.py [SESSIONS_DIR]

SESSIONS_DIR holds recorded `*.session` files to seed `session_file` with
(see docs/fuzzing.md for how to record the playtests); without it only the
synthetic sessions are written.
"""

import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "fuzz" / "seeds"


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def top_level_items(src, start):
    """Splits the parenthesised items of the list opening at src[start] == '['."""
    items, depth, i, begin, in_str = [], 0, start + 1, None, False
    while i < len(src):
        c = src[i]
        if in_str:
            if c == "\\":
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == "/" and src.startswith("//", i):
            i = src.index("\n", i)
        elif c in "([":
            if depth == 0 and c == "(":
                begin = i
            depth += 1
        elif c in ")]":
            if depth == 0:
                break
            depth -= 1
            if depth == 0 and begin is not None:
                items.append(src[begin : i + 1])
                begin = None
        i += 1
    return items


def load_seeds():
    for f in sorted((ROOT / "scenarios").glob("*.ron")):
        write("load", f.name, f.read_bytes())
    for sub in ["broken", "valid"]:
        for f in sorted((ROOT / "tests" / "fixtures" / sub).glob("*")):
            write("load", f"{sub}-{f.name}", f.read_bytes())
    write("load", "session-core.ron", (ROOT / "tests/fixtures/session-core.ron").read_bytes())
    # The bundled catalogue is 140 KB; small catalogues of one or two of its
    # traps each mutate far faster and cover the same grammar.
    src = (ROOT / "assets" / "traps.ron").read_text()
    traps = top_level_items(src, src.index("[", src.index("traps:")))
    for i, t in enumerate(traps):
        write("load", f"traps-{i:02}.ron", f"Catalogue(traps: [\n{t},\n])\n")
    for i in range(0, len(traps) - 1, 7):
        write("load", f"traps-pair-{i:02}.ron", f"Catalogue(traps: [{traps[i]}, {traps[i + 1]}])\n")


def rules_seeds():
    n = 0
    for f in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.ron")):
        for s in re.findall(r'^\s*"((?:[^"\\]|\\.)*)",?\s*$', f.read_text(), re.M):
            text = json.loads(f'"{s}"') if "\\" in s else s
            # Two steering bytes: scenario and competency scope.
            write("rules", f"{f.stem}-{n:04}", bytes([n % 5, n % 7]) + text.encode())
            n += 1
    for i, text in enumerate(
        [
            "我们不是靠法务解决，而是自己做了合规方案。",
            "Legal will handle it, not me. We grew revenue 30% to ¥18M.",
            "first, second, third: we cut cost by 20% (from $5M to $4M)",
            "a" * 3000,
            "I " + "really " * 400,
        ]
    ):
        write("rules", f"extra-{i}", bytes([i, i]) + text.encode())


def header(source, scenario="t", pace="real"):
    return {
        "hotseat": "0.1.0",
        "scenario": scenario,
        "title": "T",
        "sha256": hashlib.sha256(source.encode()).hexdigest(),
        "source": source,
        "seed": 7,
        "pace": pace,
        "cols": 80,
        "rows": 24,
        "started": "2026-01-01T00:00:00Z",
    }


def session(source, lines, pace="real", annotations=None):
    out = "hotseat-session 1\n" + json.dumps(header(source, pace=pace), ensure_ascii=False) + "\n"
    out += "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines)
    if annotations is not None:
        out += "\n--annotations--\n" + "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in annotations)
    return out


def session_seeds(sessions_dir):
    if sessions_dir:
        for f in sorted(pathlib.Path(sessions_dir).glob("*.session")):
            write("session_file", f.name, f.read_bytes())
    core = (ROOT / "tests/fixtures/session-core.ron").read_text()
    typed = [[100, "a", c] for c in "We made ¥18M"]
    write("session_file", "core-typed", session(core, [[0, "go"], *typed, [10, "a", "C-z"], [5, "a", "M-b"], [5, "sub"],
        [300, "sel", 1], [200, "sub"], [100, "tog", 0], [100, "tog", 1], [100, "sub"], [0, "end", "finished"]]))
    write("session_file", "core-quit-reopen", session(core, [[0, "go"], [100, "pa", "legal"], [100, "pau"],
        [5000, "res"], [100, "quit"], [0, "end", "quit"], [60000, "reopen"], [0, "resumed"], [10, "rs", 120, 40],
        [10, "res"], [100, "n", "x"], [100, "n", "RET"], [100, "pn", "笔记\r\n"], [100, "sub"]]))
    write("session_file", "core-timeouts", session(core, [[0, "go"], [61000, "a", "x"], [31000, "a", "1"],
        [700000, "sub"]], pace="pressure", annotations=[{"at_ms": 5, "text": "note"}, {"at_ms": 1, "text": "\u001b[2J"}]))
    write("session_file", "core-torn", session(core, [[0, "go"], [100, "a", "BS"], [3, "a", "LEFT"]])
        + '[0,"a"[1,"resumed"]\n[5,"sub"]\n')
    # A timeout cycle with no session limit, and a 10^13 ms gap: the shape
    # that once walked the cycle one turn per limit, ~10^11 times.
    cycle = core.replace(" session_limit_s: 600,", "").replace(
        "limit_s: 30, answer: Numeric", 'limit_s: 30, on_timeout: Goto("open"), answer: Numeric')
    write("session_file", "cycle-gap", session(cycle, [[0, "go"], [10**13, "quit"], [0, "end", "quit"]]))
    write("session_file", "core-untimed", session(core, [[0, "go"], [1, "pa", "42"], [1, "sub"]], pace="untimed"))


def update_seeds():
    # The update target decodes its own event language from raw bytes: a
    # few byte patterns are enough to start from.
    write("update", "zeros", bytes(64))
    write("update", "counting", bytes(range(256)))
    write("update", "typing", bytes([0, 2, 7, 0] + [3, 0, 1, 3, 0x41, 0] * 60))


if __name__ == "__main__":
    load_seeds()
    rules_seeds()
    session_seeds(sys.argv[1] if len(sys.argv) > 1 else None)
    update_seeds()
    for t in sorted(OUT.iterdir()):
        print(t.name, len(list(t.iterdir())))
