"""ipgraph at corpus scale. Prints figures and ratios measured side by side in the same run.

    .venv/bin/python -m bench [--sizes 100,1000,10000] [--rdflib-max 1000]

1. build throughput and peak memory, serial and parallel, per corpus size (is it linear?);
2. the cost of each pipeline stage;
3. query latency (median, p95) of every named query and three selective ones, Oxigraph vs rdflib;
4. export time and size, pyoxigraph's serializer vs rdflib's;
5. re-building one changed document in the largest store.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import generate

ROOT = Path(tempfile.gettempdir()) / "ipgraph-bench"
IPGRAPH = str(Path(sys.executable).with_name("ipgraph"))


def corpus(n: int) -> Path:
    folder = ROOT / f"corpus-{n}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder)
    return folder


def timed_build(folder: Path, store: Path, workers: int) -> tuple[float, float]:
    shutil.rmtree(store, ignore_errors=True)
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", IPGRAPH, "build", str(folder), "--store", str(store), "-q",
                        "-j", str(workers)], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return elapsed, int(r.stderr.strip().splitlines()[-1]) / 1024


def builds(sizes: list[int]) -> Path:
    cores = os.cpu_count() or 1
    print(f"## build ({cores} cores)")
    print(f"{'docs':>6} {'MB':>6} {'serial s':>9} {'docs/s':>7} {'parallel s':>11} {'docs/s':>7} {'MB/s':>6} "
          f"{'speed-up':>8} {'peak MB':>8} {'s/1k docs':>9}")
    store = None
    for n in sizes:
        folder = corpus(n)
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        serial, _ = timed_build(folder, ROOT / f"store-{n}-serial", 1) if n <= 1000 else (float("nan"), 0)
        store = ROOT / f"store-{n}"
        par, peak = timed_build(folder, store, cores)
        print(f"{n:>6} {mb:6.1f} {serial:9.1f} {n / serial:7.1f} {par:11.1f} {n / par:7.1f} {mb / par:6.2f} "
              f"{serial / par:8.2f} {peak:8.0f} {1000 * par / n:9.1f}")
        shutil.rmtree(ROOT / f"store-{n}-serial", ignore_errors=True)
    return store


def stages(n: int = 200) -> None:
    from ipgraph import clean, load, outline
    from ipgraph.extract import extract
    from ipgraph.rdf import Iris, to_quads
    from ipgraph.resolve import resolve
    from ipgraph.store import GraphStore

    files = sorted(corpus(1000).glob("*.txt"))[:n]
    cost = dict.fromkeys(["load", "clean", "outline", "extract", "resolve", "rdf", "store"], 0.0)
    store = GraphStore(Path(tempfile.mkdtemp()) / "s")
    for f in files:
        t = time.perf_counter(); src = load.load(f); t1 = time.perf_counter(); cost["load"] += t1 - t
        c = clean.clean(src); t2 = time.perf_counter(); cost["clean"] += t2 - t1
        o = outline.parse(c); t3 = time.perf_counter(); cost["outline"] += t3 - t2
        e = extract(o, f.stem); t4 = time.perf_counter(); cost["extract"] += t4 - t3
        r = resolve(src, c, e); t5 = time.perf_counter(); cost["resolve"] += t5 - t4
        q = to_quads(r); t6 = time.perf_counter(); cost["rdf"] += t6 - t5
        store.replace_graph(Iris().graph(r.doc_id), q); cost["store"] += time.perf_counter() - t6
    total = sum(cost.values())
    print(f"\n## stages ({n} documents, serial)")
    for k, v in sorted(cost.items(), key=lambda kv: -kv[1]):
        print(f"{k:>8} {1000 * v / n:8.2f} ms/doc {100 * v / total:5.1f} %")


SELECTIVE = {
    "one department's tasks": """SELECT DISTINCT ?t ?text WHERE { { ?d rdfs:label "南京市市场监督管理局"@zh }
        UNION { ?d skos:altLabel "南京市市场监督管理局"@zh } ?t ipg:responsibleDepartment ?d ; ipg:text ?text }""",
    "one plan's lineage": """SELECT DISTINCT ?parent WHERE { ?p dcterms:title "南京市知识产权保护与运用“十三五”规划"@zh ;
        ipg:basedOn|ipg:inferredBasedOn ?parent }""",
    "one indicator across plans": """SELECT DISTINCT ?plan ?target WHERE { ?i ipg:measures ?c ; ipg:inPlan/dcterms:title ?plan .
        ?c skos:prefLabel "每万人口高价值发明专利拥有量"@zh OPTIONAL { ?i ipg:targetText ?target } }""",
}


def _latency(run, sparql: str, repeat: int = 7) -> tuple[float, float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = len(list(run(sparql)))
        times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000, n


def queries(store_dir: Path, rdflib_too: bool) -> None:
    import rdflib

    from ipgraph.export import export
    from ipgraph.query import named_queries
    from ipgraph.store import GraphStore
    from ipgraph.vocab import PREFIXES

    store = GraphStore(store_dir, create=False, exclusive=False)
    prologue = "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items())
    ds = None
    if rdflib_too:
        t = time.perf_counter()
        ds = rdflib.Dataset(default_union=True)
        ds.parse(data=export(store, "nquads"), format="nquads")
        print(f"\n(rdflib: {len(store):,} statements loaded in {time.perf_counter() - t:.1f} s)")
    print(f"\n## queries on {store_dir.name} ({len(store):,} statements): median / p95 ms")
    print(f"{'query':>28} {'rows':>6} {'oxigraph':>16} {'rdflib':>18} {'ratio':>7}")
    cases = {**{k: v for k, v in SELECTIVE.items()}, **{k: q.sparql for k, q in named_queries().items()}}
    for name, sparql in cases.items():
        med, p95, rows = _latency(lambda s: store.query(s, prefixes=PREFIXES), sparql)
        if ds is not None:
            rmed, rp95, _ = _latency(lambda s: ds.query(prologue + s), sparql, repeat=3)
            print(f"{name:>28} {rows:>6} {med:8.1f}/{p95:<7.1f} {rmed:9.1f}/{rp95:<8.1f} {rmed / med:7.1f}")
        else:
            print(f"{name:>28} {rows:>6} {med:8.1f}/{p95:<7.1f} {'-':>18}")
    export_bench(store, ds)


def export_bench(store, ds) -> None:
    from ipgraph.export import export

    print("\n## export")
    for fmt in ("turtle", "nquads", "jsonld"):
        t = time.perf_counter()
        size = len(export(store, fmt))
        ox = time.perf_counter() - t
        line = f"{fmt:>8} {size / 1e6:8.1f} MB  pyoxigraph {ox:6.1f} s"
        if ds is not None and fmt != "nquads":
            g = ds if fmt == "nquads" else rdflib_union(ds)
            t = time.perf_counter()
            g.serialize(format={"turtle": "turtle", "jsonld": "json-ld"}[fmt])
            rd = time.perf_counter() - t
            line += f"  rdflib {rd:6.1f} s  ratio {rd / ox:5.1f}"
        print(line)


def rdflib_union(ds):
    import rdflib

    g = rdflib.Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def incremental(store_dir: Path, n: int) -> None:
    folder = corpus(n)
    doc = sorted(folder.glob("*.txt"))[0]
    original = doc.read_text(encoding="utf-8")
    doc.write_text(original.replace("加强", "切实加强", 3), encoding="utf-8")
    try:
        t = time.perf_counter()
        subprocess.run([IPGRAPH, "build", str(doc), "--store", str(store_dir), "-q"], check=True)
        elapsed = time.perf_counter() - t
    finally:
        doc.write_text(original, encoding="utf-8")
    print(f"\n## incremental: one changed document re-built in a {n:,}-document store: {elapsed:.2f} s "
          "(whole command, start-up included)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--rdflib-max", type=int, default=1000, help="largest corpus to load into rdflib too")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    print(f"ipgraph benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    store = builds(sizes)
    stages()
    queries(store, rdflib_too=sizes[-1] <= a.rdflib_max)
    if sizes[-1] > a.rdflib_max:
        queries(ROOT / f"store-{max(s for s in sizes if s <= a.rdflib_max)}", rdflib_too=True) \
            if any(s <= a.rdflib_max for s in sizes) else None
    incremental(store, sizes[-1])


if __name__ == "__main__":
    main()
