"""``make dev``: the development table, and what each named pass adds or costs.

    python bench/dev.py                 # per-article and pooled table of shared/devdata/dev_report.sh
    python bench/dev.py --ablate        # then once more per pass, switched off, with the pooled change
    python bench/dev.py --ablate --only roles,verbs

The development texts are not in the repository (their licence allows
research use, not redistribution): ``shared/devdata/README.md`` beside the
clone says how to rebuild them into ``/tmp/newsgraph-dev/articles``.
A pass is switched off with the build option ``--skip-passes NAME``, handed
to every build through ``dev_report.sh TEXTS -- EXTRA BUILD ARGS`` (the pass
names: ``nlp.extract.pass_names()``).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT.parent / "shared" / "devdata" / "dev_report.sh"
TEXTS = Path(os.environ.get("NEWSGRAPH_DEV_TEXTS", "/tmp/newsgraph-dev/articles"))
_POOLED = re.compile(r"typed entity P [\d.]+ R [\d.]+ F1 (?P<ent>[\d.]+); relations P (?P<rp>[\d.]+) "
                     r"R (?P<rr>[\d.]+) F1 (?P<rf>[\d.]+)")
_QUOTES = re.compile(r"quotes R (?P<qr>[\d.]+), speaker accuracy (?P<qa>[\d.]+)")


def pooled(text: str) -> dict[str, float]:
    """The pooled figures of a dev_report table.

    >>> line = ("pooled: typed entity P 0.781 R 0.774 F1 0.778; relations P 0.953 R 0.256 F1 0.404 "
    ...         "(31/121 required found, 41/43 links right); quotes R 0.100, speaker accuracy 0.500 (237 gold)")
    >>> pooled(line)
    {'ent': 0.778, 'rp': 0.953, 'rr': 0.256, 'rf': 0.404, 'qr': 0.1, 'qa': 0.5}
    """
    for line in text.splitlines():
        if line.startswith("pooled:"):
            m = _POOLED.search(line)
            q = _QUOTES.search(line)
            if m:
                got = {k: float(v) for k, v in m.groupdict().items()}
                got.update({k: float(v) for k, v in q.groupdict().items()} if q else {"qr": 0.0, "qa": 0.0})
                return got
    raise ValueError("no pooled line in the report")


def run_report(skip: str = "") -> str:
    """The report of every development article built with the passes ``skip`` (comma-separated) off.

    The option is always given, even empty, so a ``NEWSGRAPH_SKIP_PASSES``
    left in the environment cannot switch a pass off unseen.
    """
    out = subprocess.run(["bash", str(REPORT), str(TEXTS), "--", "--skip-passes", skip], cwd=ROOT,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"dev: {REPORT} failed: {out.stderr.strip()}")
    return out.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="make dev", description=__doc__.split("\n\n")[0])
    ap.add_argument("--ablate", action="store_true", help="switch off each pass in turn and print its effect")
    ap.add_argument("--only", default="", help="comma-separated pass names to ablate (default: all)")
    args = ap.parse_args(argv)
    if not REPORT.exists():
        print(f"dev: {REPORT} is not here: the development data lives in shared/ beside the clone", file=sys.stderr)
        return 2
    if not any(TEXTS.glob("*.txt")):
        print(f"dev: no texts in {TEXTS}: rebuild them as {REPORT.parent / 'README.md'} says", file=sys.stderr)
        return 2
    base_text = run_report()
    print(base_text, end="")
    if not args.ablate:
        return 0
    from nlp.extract import STEPS

    base = pooled(base_text)
    only = {n for n in args.only.split(",") if n}
    cols = ("ent", "rp", "rr", "rf", "qr", "qa")
    print(f"\n{'pass off':<24}" + "".join(f"{c:>8}" for c in ("ent_F1", "rel_P", "rel_R", "rel_F1", "quote_R", "spk_acc")))
    print(f"{'(none)':<24}" + "".join(f"{base[c]:>8.3f}" for c in cols))
    for step, passes in STEPS.items():
        for p in passes:
            if only and p.name not in only:
                continue
            got = pooled(run_report(p.name))
            print(f"{step[:3] + ':' + p.name:<24}" + "".join(f"{got[c] - base[c]:>+8.3f}" for c in cols), flush=True)
    print("(each row: the pooled change when that pass is off; a pass whose row is all >= 0 does not pay)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
