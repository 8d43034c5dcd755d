"""Per case of an evaluation set: precision and recall of the (task, department) owner pairs, with
the pairs predicted but not in the gold (extra) and those missed, matched exactly as
../shared/eval/score.py matches them (a task by the first 12 characters after its numbering, a
department by any of its labels). score.py --verbose lists only the missed pairs.

    .venv/bin/python tools/owners_diag.py ../shared/eval/real [CASE...] [--json OUT.json]

Needs the scorer beside the repository (../shared/eval/score.py) and rdflib.
"""
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402

IPGRAPH = [str(ROOT / ".venv" / "bin" / "ipgraph")]


def owner_pairs(cases: Path, name: str) -> dict | None:
    gold = json.loads((cases / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    raw = next(iter(sorted((cases / "raw").glob(f"{name}.*"))))
    lines = raw.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].startswith("# source:"):
        lines = lines[2:] if len(lines) > 1 and not lines[1].strip() else lines[1:]
    with tempfile.TemporaryDirectory() as work:
        graph, err = score.build_graph(IPGRAPH, "\n".join(lines), name, Path(work), raw.suffix)
    if graph is None:
        print(f"{name}: FAILED {err}")
        return None
    keys = [score.task_key(t["task"]) for t in gold.get("task_owners", [])]
    gold_pairs = {(i, score.norm(d)) for i, t in enumerate(gold.get("task_owners", [])) for d in t["departments"]}
    labels: dict[tuple, set] = {}
    texts: dict[str, str] = {}
    for task, text, dept, label in score.extract(graph)["owners"]:
        labels.setdefault((task, dept), set()).add(score.norm(label))
        texts[task] = text or ""
    hit, extra, right = set(), [], 0
    for (task, _dept), labs in labels.items():
        text = score.task_key(texts[task], 200)
        tasks = [i for i, k in enumerate(keys) if k and (text.startswith(k) or k in text[: len(k) + 6])]
        good = {(i, lab) for i in tasks for lab in labs if (i, lab) in gold_pairs}
        hit |= good
        right += bool(good)
        if not good:
            extra.append(f"{text[:16]}{'' if tasks else ' (no gold task)'} → {'/'.join(sorted(labs))}")
    p = right / len(labels) if labels else (1.0 if not gold_pairs else 0.0)
    r = len(hit) / len(gold_pairs) if gold_pairs else 1.0
    missing = sorted(f"{keys[i]} → {d}" for i, d in gold_pairs - hit)
    print(f"{name}: owners P={p:.3f} R={r:.3f} predicted={len(labels)} gold={len(gold_pairs)}")
    for line in sorted(extra):
        print("    extra:", line)
    for line in missing:
        print("    missing:", line)
    return {"precision": p, "recall": r, "extra": sorted(extra), "missing": missing}


def main() -> None:
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    cases = Path(args[0])
    names = args[1:] or [p.stem for p in sorted((cases / "gold").glob("*.json"))]
    results = {name: owner_pairs(cases, name) for name in names}
    if out:
        Path(out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
