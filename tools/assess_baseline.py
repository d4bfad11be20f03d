#!/usr/bin/env python3
"""Record, then check, everything the detector says on every answer it
knows, so a change to the rule engine (a speed-up, say) can be shown to
change no result.

    tools/assess_baseline.py record DIR [--cli]
    tools/assess_baseline.py check DIR [--cli]

The answers: every fall and strong answer of tests/fixtures/corpus and
tests/fixtures/heldout/*, the long inputs of benches/assess.rs at 10, 30
and 100 KB, and random texts (fixed seed) built from the catalogue's
phrases, corpus sentences, negators, numbers, CJK and punctuation: 2,000
short ones and a dozen of 10-100 KB.

`record` writes DIR/answers.json and DIR/dump.jsonl, the output of
`examples/assess_dump.rs` (findings with evidence, each trap's verdict by
its rules alone, the signals); `check` runs it again and compares byte for
byte. With `--cli`, also DIR/cli.jsonl: `target/release/hotseat assess
--json -` on every answer, one process each (minutes; build the release
binary first, or name one in $HOTSEAT).
"""

import json
import os
import random
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_corpus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rust_str(src, name):
    """A `const NAME: &str = "...";` of a Rust file, with `\\` line continuations."""
    m = re.search(r"const " + name + r': &str = "((?:[^"\\]|\\.)*)";', src, re.S)
    return re.sub(r"\\\n\s*", "", m.group(1))


def sized(unit, size):
    """`unit` repeated to `size` bytes, cut on a character boundary (as the bench does)."""
    data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", errors="ignore")


def corpus_answers():
    dirs = [os.path.join(ROOT, "tests/fixtures/corpus")]
    heldout = os.path.join(ROOT, "tests/fixtures/heldout")
    dirs += sorted(os.path.join(heldout, d) for d in os.listdir(heldout) if os.path.isdir(os.path.join(heldout, d)))
    return [text for _, _, text in score_corpus.load(dirs)]


def bench_answers():
    src = open(os.path.join(ROOT, "benches/assess.rs"), encoding="utf-8").read()
    units = [rust_str(src, n) for n in ("LONG_EN", "LONG_ZH", "SENTENCES")]
    return [sized(u, kb * 1000) for u in units for kb in (10, 30, 100)]


def vocabulary(corpus):
    cat = open(os.path.join(ROOT, "assets/traps.ron"), encoding="utf-8").read()
    phrases = set()
    for lst in re.findall(r"(?:AnyOf|AllOf|NoneOf)\(\[(.*?)\]\)", cat, re.S):
        phrases.update(json.loads('"' + s + '"') for s in score_corpus.STRING.findall(lst))
    words = set()
    for text in corpus:
        words.update(text.split())
    extra = ["no", "not", "never", "don't", "cannot", "rather than", "instead of", "doesn't matter", "scares",
             "不", "没有", "没必要", "不搞", "不是", "不仅", "非常", "无所谓", "没关系", "but", "但", "不过",
             "31", "22", "¥18M", "40%", "12 percent", "from 40% to 12%", "3x", "k8s", "P7", "百分之十二", "120万",
             "I", "we", "I led", "my team", "legal will", "交给法务", "maybe", "可能", "first", "second", "finally"]
    sentences = [s for text in corpus for s in re.split(r"(?<=[.!?。！？])\s*", text) if s]
    return sorted(phrases), sorted(words), extra, sentences


PUNCT = [" ", " ", " ", " ", ". ", ", ", "; ", "\n", "。", "，", "、", "！", "? ", "'", '"', "‘", "’", "“", "”",
         "「", "」", "(", ")", " - ", ":", "\t", "  "]


def random_text(rng, vocab, size):
    phrases, words, extra, sentences = vocab
    out, n = [], 0
    while n < size:
        r = rng.random()
        if r < 0.3:
            piece = rng.choice(phrases)
        elif r < 0.55:
            piece = rng.choice(words)
        elif r < 0.65:
            piece = rng.choice(extra)
        elif r < 0.72:
            piece = rng.choice(sentences)
        elif r < 0.8:
            piece = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(1, 4)))
        elif r < 0.83:
            piece = rng.choice(["é", "café", "naïve", "Größe", "ñ", "Ünïcödé", "ﬁ", "İ"])
        else:
            piece = ""
        piece += rng.choice(PUNCT)
        out.append(piece)
        n += len(piece.encode())
    return "".join(out)


def random_answers(corpus):
    rng = random.Random(20261206)
    vocab = vocabulary(corpus)
    short = [random_text(rng, vocab, rng.randint(10, 600)) for _ in range(2000)]
    long = [random_text(rng, vocab, rng.randint(10_000, 100_000)) for _ in range(12)]
    return short + long


def all_answers():
    corpus = corpus_answers()
    return corpus + bench_answers() + random_answers(corpus)


def dump(answers_path):
    subprocess.run(["cargo", "build", "--release", "--example", "assess_dump", "-q"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target/release/examples/assess_dump")
    with open(answers_path, "rb") as f:
        return subprocess.run([exe], stdin=f, capture_output=True, check=True).stdout


def cli(answers):
    binary = os.environ.get("HOTSEAT", os.path.join(ROOT, "target/release/hotseat"))

    def one(text):
        return subprocess.run([binary, "assess", "--json", "-"], input=text.encode(), capture_output=True,
                              check=True).stdout.rstrip(b"\n")

    with ThreadPoolExecutor(2) as pool:
        return b"\n".join(pool.map(one, answers)) + b"\n"


def first_difference(old, new, answers):
    for i, (a, b) in enumerate(zip(old.splitlines(), new.splitlines())):
        if a != b:
            return f"answer {i} ({answers[i][:80]!r}):\n  was {a[:400]!r}\n  now {b[:400]!r}"
    return f"line counts differ: {len(old.splitlines())} then {len(new.splitlines())}"


def main():
    args = [a for a in sys.argv[1:] if a != "--cli"]
    use_cli = "--cli" in sys.argv
    if len(args) != 2 or args[0] not in ("record", "check"):
        sys.exit(__doc__)
    mode, out = args
    os.makedirs(out, exist_ok=True)
    answers_path = os.path.join(out, "answers.json")
    if mode == "record":
        answers = all_answers()
        with open(answers_path, "w", encoding="utf-8") as f:
            json.dump(answers, f, ensure_ascii=False)
    else:
        answers = json.load(open(answers_path, encoding="utf-8"))
    outputs = [("dump.jsonl", lambda: dump(answers_path))]
    if use_cli:
        outputs.append(("cli.jsonl", lambda: cli(answers)))
    failed = False
    for name, make in outputs:
        path = os.path.join(out, name)
        new = make()
        if mode == "record":
            open(path, "wb").write(new)
            print(f"{name}: {len(answers)} answers recorded")
            continue
        old = open(path, "rb").read()
        if old == new:
            print(f"{name}: {len(answers)} answers, identical")
        else:
            failed = True
            print(f"{name}: DIFFERS: {first_difference(old, new, answers)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
