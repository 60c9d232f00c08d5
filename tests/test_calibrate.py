"""bench/calibrate.py, the script that fits the claim confidences: it learns what separates right claims
from wrong ones with whole stories held out, and refuses to fit on too few stories."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _calibrate():
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "bench" / "calibrate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _stories(n: int = 10, per: int = 30):
    """Stories of claims: those read by rule "good" are right 9 times in 10, by rule "bad" 2 in 10."""
    rnd = random.Random(7)
    out = []
    for _ in range(n):
        claims = []
        for _ in range(per):
            good = rnd.random() < 0.5
            claims.append(({f"rule={'good' if good else 'bad'}": 1.0}, rnd.random() < (0.9 if good else 0.2)))
        out.append((claims, claims))
    return out


def test_calibrate_learns_what_separates_right_claims_out_of_fold():
    cal = _calibrate()
    stories = _stories()
    preds = cal.out_of_fold(stories, 0, 5, 1.0)
    pairs = [(p, ok) for i, st in enumerate(stories) for p, (_, ok) in zip(preds[i], st[0])]
    good = [p for i, st in enumerate(stories) for p, (f, _) in zip(preds[i], st[0]) if "rule=good" in f]
    bad = [p for i, st in enumerate(stories) for p, (f, _) in zip(preds[i], st[0]) if "rule=bad" in f]
    assert min(good) > 0.75 and max(bad) < 0.35
    rows = cal.table(pairs)
    assert sum(r["claims"] for r in rows) == len(pairs)
    assert cal.brier(pairs) < 0.2  # a constant guess scores about 0.25 here
    assert cal.choose_c(stories, 0, 5) in cal.STRENGTHS


def test_calibrate_refuses_too_few_stories(tmp_path, capsys):
    cal = _calibrate()
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    assert cal.main(["--texts", str(tmp_path / "texts"), "--gold", str(tmp_path / "gold"),
                     "--out", str(tmp_path / "out.json")]) == 2
    assert "need at least 5" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()
