"""``make bench-corrections``: reading and applying corrections files of growing size; CPU seconds.

    python bench/corrections.py

Reads TOML files of 5,000, 10,000 and 20,000 fixes (``newsgraph.fixes``),
then applies 4,000 fixes that match nothing and 2,000 merges plus 2,000
drops to 20,000 entities and 60,000 links (``newsgraph.corrections``).
Each cost should grow with its input, not with its square: 20,000 fixes
should take about four times what 5,000 take. Measured once (issue 23,
row 12): reading 0.06 / 0.12 / 0.25 s (was 0.5 / 2.0 / 9.3 s), 4,000
unmatched fixes 0.09 s (was 16.7 s), the merges and drops 0.26 s (was 44.8 s).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.corrections import apply_corrections, parse_csv, parse_toml  # noqa: E402
from nlp.records import Entity, Relation  # noqa: E402


def cpu(f, *args) -> tuple[float, object]:
    start = time.process_time()
    out = f(*args)
    return time.process_time() - start, out


def main() -> None:
    for n in (5_000, 10_000, 20_000):
        text = "fixes = [\n" + "".join(f'  {{action = "rename", entity = "Name {i}", value = "New {i}"}},\n'
                                       for i in range(n)) + "]\n"
        took, _ = cpu(parse_toml, text, "fixes.toml")
        print(f"read {n:>6,} TOML fixes: {took:.2f} s")
    ents = [Entity(f"person:p{i}", f"P {i}", "person") for i in range(20_000)]
    rels = [Relation(f"person:p{i}", f"person:p{(i * 7 + 1) % 20_000}", "cooccurrence") for i in range(60_000)]
    unmatched = parse_csv("".join(f"drop,Nobody {i}\n" for i in range(4_000)))
    took, _ = cpu(apply_corrections, ents, rels, unmatched)
    print(f"4,000 fixes that match nothing, 20,000 entities, 60,000 links: {took:.2f} s")
    fixes = parse_csv("".join(f"merge,P {i},P {i + 1}\n" for i in range(0, 8_000, 2))
                      + "".join(f"drop,P {i}\n" for i in range(10_001, 14_000, 2)))
    took, _ = cpu(apply_corrections, ents, rels, fixes)
    print(f"2,000 merges and 2,000 drops: {took:.2f} s")


if __name__ == "__main__":
    main()
