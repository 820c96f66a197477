#!/usr/bin/env python3
"""Score factmark's date finder on TempEval-3 (TIMEX3 of type DATE), beside the published table.

    python3 tests/tempeval3.py [DIR ...] [--bin target/release/factmark] [--errors]

DIR defaults to ../shared/benchmarks/tempeval3/platinum (relative to the repository root);
pass ../shared/benchmarks/tempeval3/train too for the AQUAINT part. Build first with
`cargo build --release`. For each NAME.txt, runs `factmark scan --kinds date --date DCT
NAME.txt` and compares its claims with the DATE timexes of NAME.timex.jsonl.

Rules, as shared/claims/score.py applies them, plus what TempEval needs:
- Gold is every TIMEX3 of type DATE. DURATION, TIME and SET timexes are not gold.
- A prediction that overlaps no DATE gold but does overlap a DURATION, TIME or SET timex is
  left out altogether (neither a hit nor a false alarm): our guideline calls some of those
  dates (`the past two years`, `Friday afternoon`), TimeML files them under another type,
  and which type a timex has is not what we are scoring.
- Pairs are one-to-one, largest character overlap first (relaxed match); strict match also
  needs equal boundaries. Offsets are UTF-16 code units; the texts are ASCII.
- Value accuracy: among relaxed pairs, the share whose TIMEX3 value string equals the gold
  value exactly (`2013-03-22`, `2013-W11`, `2012-SU`, `199`). Value F1 = accuracy x relaxed
  F1, the TempEval-3 Task A ranking figure.
- valueAcc~ relaxes only the notation: a time of day after the date (`2000-01-05TEV`,
  `2000-04-04T09:00`), unknown trailing parts (`1949-XX`, `1998-10-XX`), a decade's `X`
  (`198X` = `198`) and a one-digit week (`2000-W8` = `2000-W08`) are dropped or padded.
- A second line scores only gold with a calendar value (one that starts with a digit):
  `now` -> PRESENT_REF and the like are DATE in TimeML but not dates in our guideline.
  Predictions overlapping the gold left out there are left out too.
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def notation(v):
    v = re.sub(r"T[0-9A-Z:]*$", "", v)
    v = re.sub(r"(-XX)+$", "", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    return re.sub(r"-W(\d)$", r"-W0\1", v)


def pairs(gold, pred):
    cands = sorted((-overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if overlap(g, p) > 0)
    used_g, used_p, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def scan(binary, txt, dct):
    out = subprocess.run([binary, "scan", "--kinds", "date", "--date", dct, str(txt)],
                         capture_output=True, text=True, check=True)
    return [c for c in json.loads(out.stdout)["claims"] if c["kind"] == "date"]


class Tally:
    def __init__(self):
        self.gold = self.pred = self.match = self.strict = self.value = self.loose = 0

    def add(self, gold, pred):
        ps = pairs(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.match += len(ps)
        self.strict += sum((g["start"], g["end"]) == (p["start"], p["end"]) for g, p in ps)
        self.value += sum(g["value"] == p["value"]["timex"] for g, p in ps)
        self.loose += sum(notation(g["value"]) == notation(p["value"]["timex"]) for g, p in ps)
        return ps

    def line(self, label):
        def prf(m):
            p = m / self.pred if self.pred else 0.0
            r = m / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)
        p, r, f = prf(self.match)
        _, _, fs = prf(self.strict)
        acc = self.value / self.match if self.match else 0.0
        loose = self.loose / self.match if self.match else 0.0
        return (f"{label:<26}{self.gold:>6}{self.pred:>6}{100 * p:>8.2f}{100 * r:>8.2f}{100 * f:>8.2f}"
                f"{100 * fs:>10.2f}{100 * acc:>10.2f}{100 * acc * f:>10.2f}{100 * loose:>10.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "../shared/benchmarks/tempeval3/platinum"])
    ap.add_argument("--bin", default=str(ROOT / "target/release/factmark"))
    ap.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong values")
    args = ap.parse_args()
    print(f"{'set':<26}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'strictF1':>10}{'valueAcc':>10}{'valueF1':>10}{'valueAcc~':>10}")
    for d in args.dirs:
        every, calendar, errors = Tally(), Tally(), []
        for txt in sorted(d.glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            dct = json.loads(txt.with_suffix(".meta.json").read_text())["dct"]
            timexes = [json.loads(l) for l in txt.with_suffix(".timex.jsonl").read_text().splitlines() if l.strip()]
            gold = [t for t in timexes if t["type"] == "DATE"]
            other = [t for t in timexes if t["type"] != "DATE"]
            pred = scan(args.bin, txt, dct)

            def kept(golds, ignored):
                return [p for p in pred if any(overlap(p, g) > 0 for g in golds)
                        or not any(overlap(p, t) > 0 for t in ignored)]

            ps = every.add(gold, kept(gold, other))
            cal = [g for g in gold if g["value"][:1].isdigit()]
            calendar.add(cal, kept(cal, other + [g for g in gold if g not in cal]))
            if args.errors:
                hit_g = {id(g) for g, _ in ps}
                hit_p = {id(p) for _, p in ps}
                errors += [f"{txt.name}@{g['start']}: missed {g['text']!r} {g['value']}" for g in gold if id(g) not in hit_g]
                errors += [f"{txt.name}@{p['start']}: spurious {p['text']!r} {p['value']['timex']}"
                           for p in kept(gold, other) if id(p) not in hit_p]
                errors += [f"{txt.name}@{g['start']}: value {g['text']!r} gold {g['value']} got {p['text']!r} {p['value']['timex']}"
                           for g, p in ps if notation(g["value"]) != notation(p["value"]["timex"])]
        name = d.resolve().name
        print(every.line(f"{name}: all DATE"))
        print(calendar.line(f"{name}: calendar DATE"))
        for e in errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
