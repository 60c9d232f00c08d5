"""Fit the claim confidences (``nlp/data/confidence.json``) on the development gold, with cross-validation.

    python bench/calibrate.py --texts /tmp/newsgraph-dev/articles --gold ../shared/devdata/articles

For every development story (``NAME.txt`` in ``--texts``, its gold
``NAME.json`` in ``--gold``; ``../shared/devdata/README.md`` says how to make
the texts), the story is read as ``newsgraph build`` reads it. Each action or
quote link and each attributed quote gets its features
(:func:`nlp.confidence.relation_features`, :func:`~nlp.confidence.quote_features`)
and a label from the project's scorer (``--scorer``, ``shared/eval/score.py``):
a link is right when the gold joins its two ends that way with that verb (one
of the verbs the gold lists for the relation: stricter than the scorer, which
takes any verb, and closer to what a reader checks), a quote when its speaker
is the gold speaker of those words.

A logistic regression (scikit-learn) is fitted with grouped k-fold
cross-validation, whole stories held out together, so that no score is
fitted on the story it scores. The out-of-fold scores give the calibration
table (how often claims scored 0.3-0.4 were right, and so on) and choose the
default threshold: the highest at which the mean of the pooled relation and
quote F1, as the scorer counts them on the stories' graphs, is at its best
(precision counts as much as recall; of equal F1, the surer page). The model
fitted on all stories is written with that threshold and the table; no
weight names a story or an entity.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.export import node_link  # noqa: E402
from newsgraph.api import graph_of  # noqa: E402
from nlp.confidence import quote_features, relation_features  # noqa: E402
from nlp.extract import count_words, document_relations, read_document  # noqa: E402
from nlp.records import Extraction  # noqa: E402
from nlp.run.model import load_model  # noqa: E402

#: the thresholds tried, and the bins of the calibration table
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 15))
#: the regularisation strengths tried (scikit-learn's C: smaller is stronger)
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0)
BINS = tuple(round(0.1 * i, 1) for i in range(11))


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("newsgraph_dev_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Scorer:
    """The project's scorer, run in this process on graph data written to a temporary file."""

    def __init__(self, path: Path, workdir: Path):
        self.mod = load_scorer(path)
        self.file = workdir / "graph.json"

    def gold_for_verb(self, gold: Path, verb: str) -> Path:
        """The gold with only the relations a link of ``verb`` states: the scorer then counts a link right
        when its ends, its direction and its verb are the gold's (:func:`verb_states`), as a reader would."""
        out = self.file.with_name(f"gold-{abs(hash((str(gold), verb)))}.json")
        if not out.exists():
            data = json.loads(gold.read_text(encoding="utf-8"))
            data["relations"] = [r for r in data.get("relations", []) if verb_states(verb, r.get("verbs") or [])]
            out.write_text(json.dumps(data), encoding="utf-8")
        return out

    def __call__(self, data: dict, gold: Path, *extra: str) -> dict:
        self.file.write_text(json.dumps(data), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.mod.main([str(self.file), str(gold), "--json", *extra])
        return json.loads(out.getvalue())


def verb_states(verb: str, verbs: list[str]) -> bool:
    """Whether a link's verb is one the gold lists for the relation, or the head of one ("take" for
    "take over"), or its negation ("not support").

    >>> verb_states("take", ["take over", "replace"]), verb_states("say", ["talk", "meet"])
    (True, False)
    """
    return any(verb == v or v.split()[0] == verb or v == f"not {verb}" for v in verbs)


def read_story(nlp, name: str, text: str):
    """The story's extraction without confidences, and the features of its claims."""
    doc = nlp(text)
    rd = read_document(doc, name)
    relations = [replace(r, confidence=None) for r in document_relations(rd)]
    quotes = list(rd.quotes.records)
    rel_feats = [relation_features(r, rd) if r.kind != "cooccurrence" and r.evidence else None for r in relations]
    quote_feats = [quote_features(q, rd) if q.speaker else None for q in quotes]
    ex = Extraction(name, rd.entities, tuple(relations), (), count_words(doc), tuple(quotes))
    return ex, rel_feats, quote_feats


def label_story(score: Scorer, ex: Extraction, rel_feats, quote_feats, gold: Path):
    """(features, label) of every claim of one story, labelled by the scorer one claim at a time."""
    data = node_link(graph_of([ex]))
    nodes = {str(n["id"]) for n in data["nodes"]}
    base = {**data, "links": [], "graph": {**data["graph"], "quotes": []}}
    rels, quotes, seen = [], [], {}
    for r, f in zip(ex.relations, rel_feats):
        if f is None or r.source not in nodes or r.target not in nodes:
            continue
        key = (r.source, r.target, r.verb)
        if key not in seen:
            link = {"source": r.source, "target": r.target, "kind": r.kind, "verb": r.verb}
            seen[key] = score({**base, "links": [link]}, score.gold_for_verb(gold, r.verb))["relations_correct"] == 1
        rels.append((f, seen[key]))
    for q, f in zip(ex.quotes, quote_feats):
        if f is None or q.speaker not in nodes:
            continue
        one = {"doc": q.doc, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker}
        quotes.append((f, score({**base, "graph": {**base["graph"], "quotes": [one]}}, gold).get("quotes_right", 0) == 1))
    return rels, quotes


def fit(samples, C: float):
    """A logistic regression over named features: (vectorizer, model)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sparse=False)
    X = vec.fit_transform([f for f, _ in samples])
    y = [int(ok) for _, ok in samples]
    return vec, LogisticRegression(C=C, max_iter=2000).fit(X, y)


def weights(vec, lr) -> dict:
    return {"bias": round(float(lr.intercept_[0]), 4),
            "weights": {k: round(float(w), 4) for k, w in sorted(zip(vec.feature_names_, lr.coef_[0]))
                        if abs(w) >= 1e-4}}


def out_of_fold(stories: list, part: int, folds: int, C: float) -> list[list[float]]:
    """Each story's claim scores from a model fitted on the other folds (stories dealt round-robin)."""
    preds: list[list[float]] = [[] for _ in stories]
    for k in range(folds):
        train = [s for i, st in enumerate(stories) if i % folds != k for s in st[part]]
        vec, lr = fit(train, C)
        for i, st in enumerate(stories):
            if i % folds == k and st[part]:
                preds[i] = list(lr.predict_proba(vec.transform([f for f, _ in st[part]]))[:, 1])
    return preds


def choose_c(stories: list, part: int, folds: int) -> float:
    """The regularisation whose out-of-fold scores are closest to the labels (lowest Brier score)."""
    def oof_brier(c: float) -> float:
        preds = out_of_fold(stories, part, folds, c)
        return brier([(p, ok) for i, st in enumerate(stories) for p, (_, ok) in zip(preds[i], st[part])])
    return min(STRENGTHS, key=oof_brier)


def table(pairs: list[tuple[float, bool]]) -> list[dict]:
    """How often the claims of each score band were right."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        band = [ok for p, ok in pairs if lo <= p < hi or (hi == 1.0 and p == 1.0)]
        if band:
            rows.append({"scores": f"{lo:.1f}-{hi:.1f}", "claims": len(band), "right": round(sum(band) / len(band), 3)})
    return rows


def brier(pairs) -> float:
    return round(sum((p - ok) ** 2 for p, ok in pairs) / max(1, len(pairs)), 4)


def pooled(results: list[dict]) -> dict:
    tot = lambda k: sum(r.get(k, 0) for r in results)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    rp, rr = tot("relations_correct") / max(1, tot("relation_links")), tot("relations_found") / max(1, tot("relations_required"))
    qp = tot("quotes_right") / max(1, tot("quotes_with_speaker"))
    qr = sum(r.get("quote_recall", 0) * r.get("quotes_gold", 0) for r in results) / max(1, tot("quotes_gold"))
    return {"relation_precision": round(rp, 3), "relation_recall": round(rr, 3), "relation_f1": round(f1(rp, rr), 3),
            "quote_precision": round(qp, 3), "quote_recall": round(qr, 3), "quote_f1": round(f1(qp, qr), 3)}


def scored_graph(ex: Extraction, rel_feats, quote_feats, rel_p, quote_p) -> dict:
    """The story's graph data with out-of-fold confidences on its claims, as ``newsgraph build`` writes it."""
    rp, qp = iter(rel_p), iter(quote_p)
    nodes = {e.key for e in ex.entities}
    rels = tuple(replace(r, confidence=float(next(rp))) if f is not None and r.source in nodes and r.target in nodes
                 else r for r, f in zip(ex.relations, rel_feats))
    quotes = tuple(replace(q, confidence=float(next(qp))) if f is not None and q.speaker in nodes else q
                   for q, f in zip(ex.quotes, quote_feats))
    return node_link(graph_of([replace(ex, relations=rels, quotes=quotes)]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, default=Path("/tmp/newsgraph-dev/articles"))
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "devdata" / "articles")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=ROOT / "nlp" / "data" / "confidence.json")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    golds = sorted(p for p in args.gold.glob("*.json") if p.stem != "manifest" and (args.texts / f"{p.stem}.txt").is_file())
    if len(golds) < args.folds:
        print(f"calibrate: {len(golds)} stories with text and gold under {args.texts} and {args.gold}; "
              f"need at least {args.folds}", file=sys.stderr)
        return 2
    nlp = load_model()
    stories = []
    with tempfile.TemporaryDirectory() as tmp:
        score = Scorer(args.scorer, Path(tmp))
        for gold in golds:
            ex, rf, qf = read_story(nlp, gold.stem, (args.texts / f"{gold.stem}.txt").read_text(encoding="utf-8"))
            rels, quotes = label_story(score, ex, rf, qf, gold)
            stories.append((rels, quotes, ex, rf, qf, gold))
            print(f"{gold.stem}: {len(rels)} links ({sum(ok for _, ok in rels)} right), "
                  f"{len(quotes)} quotes ({sum(ok for _, ok in quotes)} right)", file=sys.stderr)
        strength = [choose_c(stories, part, args.folds) for part in (0, 1)]
        rel_oof = out_of_fold(stories, 0, args.folds, strength[0])
        quote_oof = out_of_fold(stories, 1, args.folds, strength[1])
        graphs = [scored_graph(st[2], st[3], st[4], rel_oof[i], quote_oof[i]) for i, st in enumerate(stories)]
        by_threshold = {}
        for t in THRESHOLDS:
            by_threshold[t] = pooled([score(g, st[5], "--min-confidence", str(t)) for g, st in zip(graphs, stories)])
    top = max(round(v["relation_f1"] + v["quote_f1"], 3) for v in by_threshold.values())
    best = max(t for t, v in by_threshold.items() if round(v["relation_f1"] + v["quote_f1"], 3) == top)
    rel_pairs = [(p, ok) for i, st in enumerate(stories) for p, (_, ok) in zip(rel_oof[i], st[0])]
    quote_pairs = [(p, ok) for i, st in enumerate(stories) for p, (_, ok) in zip(quote_oof[i], st[1])]
    out = {
        "about": "claim confidences for nlp/confidence.py, written by bench/calibrate.py; do not edit by hand",
        "fitted": date.today().isoformat(), "stories": len(stories), "folds": args.folds,
        "C": {"relations": strength[0], "quotes": strength[1]},
        "threshold": best,
        "cross_validation": {
            "relations": {"claims": len(rel_pairs), "right": sum(ok for _, ok in rel_pairs),
                          "brier": brier(rel_pairs), "table": table(rel_pairs)},
            "quotes": {"claims": len(quote_pairs), "right": sum(ok for _, ok in quote_pairs),
                       "brier": brier(quote_pairs), "table": table(quote_pairs)},
            "pooled_by_threshold": {str(t): v for t, v in by_threshold.items()},
        },
        "relations": weights(*fit([s for st in stories for s in st[0]], strength[0])),
        "quotes": weights(*fit([s for st in stories for s in st[1]], strength[1])),
    }
    tmp_out = args.out.with_suffix(".json.part")
    tmp_out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    tmp_out.replace(args.out)
    print(f"threshold {best}: {json.dumps(by_threshold[best])}")
    print(f"no threshold: {json.dumps(by_threshold[0.0])}")
    print(f"relations: brier {out['cross_validation']['relations']['brier']}, quotes: brier "
          f"{out['cross_validation']['quotes']['brier']}; written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
