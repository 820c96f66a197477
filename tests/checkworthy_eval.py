#!/usr/bin/env python3
"""Positive-class F1 of `factmark sentences --jsonl` on the check-worthiness benchmarks.

    cargo build --release && python3 tests/checkworthy_eval.py [--bench DIR] [--bin PATH]

Scores CheckThat! 2024 test and dev_test (= CheckThat! 2023 subtask 1B test), the official
metric of both, beside the best published results; and ClaimBuster groundtruth (= CT24 dev,
where hyper-parameters and threshold were chosen; not a held-out figure). The model is trained
on ClaimBuster crowdsourced (= CT24 train) only; the trainer never reads a test set, but these
test figures have been looked at between versions (see the commit log). Each sentence is scanned
for claims, whose kinds and units feed the model.
"""
import argparse
import json
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    # (file, name, published best, who)
    ("checkthat2024_en/test.jsonl", "CheckThat! 2024 test", 0.802, "FactFinders, 2024 rank 1"),
    ("checkthat2024_en/dev_test.jsonl", "CheckThat! 2024 dev_test = 2023 1B test", 0.898, "OpenFact, 2023 rank 1"),
    ("claimbuster/groundtruth.jsonl", "ClaimBuster groundtruth = CT24 dev (tuning set)", None, ""),
]


def predict(binary, path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    started = time.perf_counter()
    out = subprocess.run([binary, "sentences", "--jsonl"], input=lines, capture_output=True, text=True, check=True)
    took = time.perf_counter() - started
    got = {}
    for line in out.stdout.splitlines():
        p = json.loads(line)
        got[p["id"]] = p
    return rows, got, took


def scores(rows, got):
    tp = sum(1 for r in rows if r["label"] == 1 and got[r["id"]]["checkworthy"])
    fp = sum(1 for r in rows if r["label"] != 1 and got[r["id"]]["checkworthy"])
    fn = sum(1 for r in rows if r["label"] == 1 and not got[r["id"]]["checkworthy"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, p, r


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared/benchmarks/checkworthy")
    ap.add_argument("--bin", default=str(ROOT / "target/release/factmark"))
    args = ap.parse_args()
    print(f"{'set':50} {'n':>5} {'F1':>6} {'P':>6} {'R':>6}  published best (F1, positive class)")
    for file, name, best, who in SETS:
        rows, got, took = predict(args.bin, args.bench / file)
        f1, p, r = scores(rows, got)
        published = f"{best:.3f} ({who})" if best is not None else "-"
        print(f"{name:50} {len(rows):5} {f1:6.3f} {p:6.3f} {r:6.3f}  {published}")
        if file.startswith("claimbuster"):
            types = {}
            for row in rows:
                t = got[row["id"]]["type"]
                types.setdefault(t, {"NFS": 0, "UFS": 0, "CFS": 0})[row["label3"]] += 1
            print("  types on groundtruth (sentences by ClaimBuster class NFS/UFS/CFS):")
            for t, c in sorted(types.items(), key=lambda kv: -sum(kv[1].values())):
                print(f"    {t:26} {c['NFS']:4} {c['UFS']:4} {c['CFS']:4}")


if __name__ == "__main__":
    main()
