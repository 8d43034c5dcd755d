"""ipgraph at corpus scale. Prints figures and ratios measured side by side in the same run.

    make bench    # = .venv/bin/python -u -m bench --sizes 100,1000,10000 --rdflib-max 1000 --serial-max 10000

1. build throughput and peak memory, serial and parallel, per corpus size (is it linear?), and of
   the real gov.cn pages in ../shared/corpus/govcn-2018;
2. the cost of each pipeline stage, on generated plans and on the real pages (index: the explorer's
   search index, its rows read from the statements and written);
3. start-up: `ipgraph query 'ASK {}'` against a bare Python and an import of the pipeline;
4. query latency (median, p95) of every named query and three selective ones: Oxigraph on disk (as
   `ipgraph query` runs them, and their plain forms in bench/plain_queries/ as Oxigraph alone runs
   them), Oxigraph in memory (`ipgraph serve --memory`) and rdflib (given the plain forms);
5. export time and size: streamed from Oxigraph, against sorting in Python first and rdflib's serializer;
6. re-building one changed document in the largest store.
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
REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "govcn-2018"
PLAIN = Path(__file__).resolve().parent / "plain_queries"
# figures the issue sets targets for, gathered as the run goes and printed together at its end
MEASURED: dict[str, object] = {}


def corpus(n: int) -> Path:
    folder = ROOT / f"corpus-{n}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder)
    return folder


def real_pages() -> list[Path]:
    return sorted(REAL.glob("*.html"))


def timed_build(paths: Path | list[Path], store: Path, workers: int) -> tuple[float, float, float, float, float]:
    """Seconds; the peak of the summed resident memory of ipgraph and its workers (MB); CPU seconds
    of the main process (its loading thread included) and of all processes together; the peak of
    their summed proportional memory (PSS, MB: the workers are forked from the main process, and
    the pages they still share with it are counted once instead of once in each; read every 3 s)."""
    import resource

    import psutil

    shutil.rmtree(store, ignore_errors=True)
    paths = [str(p) for p in paths] if isinstance(paths, list) else [str(paths)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([IPGRAPH, "build", *paths, "--store", str(store), "-q", "-j", str(workers)],
                            stderr=subprocess.PIPE, text=True)
    root, peak, peak_pss, main_cpu = psutil.Process(proc.pid), 0, 0, 0.0
    polls = 0
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs))
            # PSS walks each process's page tables under its memory lock (5-20 ms a process): read sparingly,
            # as the peak is reached early and held
            if polls % 30 == 0:
                peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in procs))
            main_cpu = sum(root.cpu_times()[:2])
        except psutil.Error:  # a worker ended between listing and reading
            pass
        polls += 1
        time.sleep(0.1)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.read())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, peak / 1e6, main_cpu, cpu, peak_pss / 1e6


def builds(sizes: list[int], serial_max: int) -> Path:
    cores = os.cpu_count() or 1
    print(f"## build ({cores} cores; peak MB: all processes together)")
    print(f"{'docs':>6} {'MB':>6} {'serial s':>9} {'docs/s':>7} {'parallel s':>11} {'docs/s':>7} {'MB/s':>6} "
          f"{'speed-up':>8} {'peak MB':>8} {'PSS MB':>7} {'s/1k docs':>9} {'CPU s':>6} {'main CPU s':>10}")
    store = None
    for n in sizes:
        folder = corpus(n)
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        serial = timed_build(folder, ROOT / f"store-{n}-serial", 1)[0] if n <= serial_max else float("nan")
        store = ROOT / f"store-{n}"
        par, peak, main_cpu, cpu, pss = timed_build(folder, store, cores)
        print(f"{n:>6} {mb:6.1f} {serial:9.1f} {n / serial:7.1f} {par:11.1f} {n / par:7.1f} {mb / par:6.2f} "
              f"{serial / par:8.2f} {peak:8.0f} {pss:7.0f} {1000 * par / n:9.1f} {cpu:6.1f} {main_cpu:10.1f}")
        MEASURED[f"build {n}"] = (n / par, peak, pss)
        shutil.rmtree(ROOT / f"store-{n}-serial", ignore_errors=True)
    pages = real_pages()
    if pages:  # real pages: short, varied, each read by its own reader; fixed costs (start-up) weigh more
        mb = sum(p.stat().st_size for p in pages) / 1e6
        serial = timed_build(pages, ROOT / "store-govcn-serial", 1)[0]
        par, peak, main_cpu, cpu, pss = timed_build(pages, ROOT / "store-govcn", cores)
        print(f"{'govcn':>6} {mb:6.1f} {serial:9.1f} {len(pages) / serial:7.1f} {par:11.1f} {len(pages) / par:7.1f} "
              f"{mb / par:6.2f} {serial / par:8.2f} {peak:8.0f} {pss:7.0f} {1000 * par / len(pages):9.1f} {cpu:6.1f} "
              f"{main_cpu:10.1f}   ({len(pages)} real gov.cn pages, {REAL})")
    print("(peak MB: resident memory summed over the processes; PSS MB: the same with the pages forked workers"
          " share with the main process counted once. CPU s: all processes together; main CPU s: the process"
          " that stores, its loading thread included."
          " With two cores, a build cannot take less than half the first, nor less than the second.)")
    return store


def stages(files: list[Path], what: str) -> None:
    from ipgraph import clean, load, outline
    from ipgraph.extract import extract
    from ipgraph.rdf import Iris, to_lines
    from ipgraph.resolve import resolve
    from ipgraph.store import GraphStore

    from ipgraph.explorer.index import Update, read_lines

    n = len(files)
    cost = dict.fromkeys(["load", "clean", "outline", "extract", "resolve", "rdf", "store", "index"], 0.0)
    store = GraphStore(Path(tempfile.mkdtemp()) / "s")
    index = Update(store)
    for f in files:
        t = time.perf_counter(); src = load.load(f); t1 = time.perf_counter(); cost["load"] += t1 - t
        c = clean.clean(src); t2 = time.perf_counter(); cost["clean"] += t2 - t1
        o = outline.parse(c); t3 = time.perf_counter(); cost["outline"] += t3 - t2
        e = extract(o, f.stem, meta=c.meta); t4 = time.perf_counter(); cost["extract"] += t4 - t3
        r = resolve(src, c, e); t5 = time.perf_counter(); cost["resolve"] += t5 - t4
        lines = to_lines(r)
        t6 = time.perf_counter(); cost["rdf"] += t6 - t5
        store.put(Iris().graph(r.doc_id), lines)
        t7 = time.perf_counter(); cost["store"] += t7 - t6
        index.put(read_lines(r.doc_id, lines, src.text), {"path": str(f), "sha256": src.sha256, "triples": len(lines)})
        cost["index"] += time.perf_counter() - t7
    t = time.perf_counter(); store.flush(); cost["store"] += time.perf_counter() - t
    t = time.perf_counter(); index.finish(); index.close(); cost["index"] += time.perf_counter() - t
    total = sum(cost.values())
    print(f"\n## stages ({n} {what}, serial, in one process)")
    for k, v in sorted(cost.items(), key=lambda kv: -kv[1]):
        print(f"{k:>8} {1000 * v / n:8.2f} ms/doc {100 * v / total:5.1f} %")
    print(f"{'total':>8} {1000 * total / n:8.2f} ms/doc ({n / total:.1f} documents/s on one core)")


def startup(store: Path, runs: int = 7) -> None:
    """Wall time of whole commands, median of `runs`: the target is ipgraph query under 0.3 s."""
    cases = {
        "python -c pass (the floor)": [sys.executable, "-c", "pass"],
        "import the pipeline (what every command paid before)": [sys.executable, "-c", "import ipgraph.pipeline"],
        "ipgraph --help": [IPGRAPH, "--help"],
        "ipgraph query 'ASK {}'": [IPGRAPH, "query", "ASK {}", "--store", str(store)],
    }
    print("\n## start-up (whole command, median of 7 runs)")
    for name, cmd in cases.items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        print(f"{name:>54} {statistics.median(times):6.2f} s")
        MEASURED[name] = statistics.median(times)


SELECTIVE = {
    "one department's tasks": """SELECT DISTINCT ?t ?text WHERE { { ?d rdfs:label "南京市市场监督管理局"@zh }
        UNION { ?d skos:altLabel "南京市市场监督管理局"@zh } ?t ipg:responsibleDepartment ?d ; ipg:text ?text }""",
    "one plan's lineage": """SELECT DISTINCT ?parent WHERE { ?p dcterms:title "南京市知识产权保护与运用“十三五”规划"@zh ;
        ipg:basedOn|ipg:inferredBasedOn ?parent }""",
    "one indicator across plans": """SELECT DISTINCT ?plan ?target WHERE { ?i ipg:measures ?c ; ipg:inPlan/dcterms:title ?plan .
        ?c skos:prefLabel "每万人口高价值发明专利拥有量"@zh OPTIONAL { ?i ipg:targetText ?target } }""",
}


class _Slow(Exception):
    pass


def _alarm(*_):
    raise _Slow


class _Engine:
    """A query engine in a process of its own, as a user's command runs: a corpus-wide query allocates
    as much again as it reads, and in a process that also held another engine's graph (rdflib's 900 MB
    of objects) Oxigraph ran 30-40 % slower, measured. Each run is timed inside that process; a run
    over `limit` seconds is given up there (None), and the process goes on serving."""

    def __init__(self, opener, *args, limit: int = 300):
        import multiprocessing

        self._conn, child = multiprocessing.Pipe()
        ctx = multiprocessing.get_context("fork")  # nothing is open yet in the child: it opens its own engine
        self._proc = ctx.Process(target=_serve, args=(child, opener, args, limit), daemon=True)
        self._proc.start()
        child.close()  # the child's end is the child's: if it dies, recv() ends instead of waiting
        try:
            self.loaded = self._conn.recv()  # (seconds, MB) the engine took to open
        except EOFError:
            raise SystemExit(f"bench: {opener.__name__}{args} could not be opened (its traceback is above)") from None

    def run(self, what: str, arg: str):
        self._conn.send((what, arg))
        try:
            return self._conn.recv()
        except EOFError:
            raise SystemExit(f"bench: the engine's process ended on {what} (its traceback is above)") from None

    def close(self) -> None:
        self._conn.send(None)
        self._proc.join()


def _serve(conn, opener, args, limit: int) -> None:
    import signal
    import traceback

    status = 1
    try:
        before, t = _rss(), time.perf_counter()
        engine = opener(*args)
        conn.send((time.perf_counter() - t, _rss() - before))
        signal.signal(signal.SIGALRM, _alarm)
        while (message := conn.recv()) is not None:
            what, arg = message
            signal.alarm(limit)
            try:
                t = time.perf_counter()
                reply = (len(getattr(engine, what)(arg)), time.perf_counter() - t)
                signal.alarm(0)
            except _Slow:
                reply = None
            finally:
                signal.alarm(0)
            conn.send(reply)  # one reply a message, whenever the alarm rang
        status = 0
    except Exception:
        traceback.print_exc()
    finally:
        os._exit(status)  # leave the store the parent may hold open (RocksDB's threads) alone


class _Ipgraph:
    """The shipped query as `ipgraph query` runs it (its ORDER BY sorted in Python), and the plain
    form as Oxigraph alone runs it."""

    def __init__(self, store_dir: Path, memory: bool = False):
        from ipgraph.store import GraphStore

        self.store = GraphStore(store_dir, create=False, exclusive=False, memory=memory)

    def query(self, sparql: str) -> list:
        from ipgraph.query import run

        return list(run(self.store, sparql))

    def plain(self, sparql: str) -> list:
        from ipgraph.vocab import PREFIXES

        return list(self.store.query(sparql, prefixes=PREFIXES))


class _Rdflib:
    """rdflib's in-memory graph of the same merged graph, given the plain forms."""

    def __init__(self, store_dir: Path):
        import rdflib
        from pyoxigraph import RdfFormat, serialize

        from ipgraph.store import GraphStore
        from ipgraph.vocab import PREFIXES

        store = GraphStore(store_dir, create=False, exclusive=False)
        self.graph = rdflib.Graph()
        self.graph.parse(data=serialize(store.triples(), None, RdfFormat.N_TRIPLES), format="nt")
        self.prologue = "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items())

    def plain(self, sparql: str) -> list:
        return list(self.graph.query(self.prologue + sparql))

    def serialize(self, fmt: str) -> str:
        return self.graph.serialize(format={"turtle": "turtle", "jsonld": "json-ld"}[fmt])


def _latencies(engines: dict, sparql, budget: float = 10.0) -> dict:
    """For each engine: median and p95 in ms over 3 to 7 runs (fewer when slow), and the row count;
    None past its time limit. The engines take turns, one run each, so that this machine's drifts in
    speed (up to 2x within minutes, measured) fall on all of them alike, not on whichever ran last."""
    times: dict = {e: [] for e in engines}
    rows: dict = {}
    while True:
        due = [e for e, t in times.items() if t is not None and len(t) < 7 and (len(t) < 3 or sum(t) < budget)]
        if not due:
            break
        for e in due:
            engine, form = engines[e]
            got = engine.run(form, sparql[form == "plain"])
            if got is None:
                times[e] = None
            else:
                rows[e] = got[0]
                times[e].append(got[1])
    return {e: None if t is None else (statistics.median(t) * 1000, sorted(t)[round(0.95 * (len(t) - 1))] * 1000,
                                       rows[e]) for e, t in times.items()}


def _rss() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def queries(store_dir: Path, in_memory: bool, compare: bool, documents: int) -> None:
    """Every named query and three selective ones on the store as shipped (on disk); with
    `in_memory`, also on its merged graph in memory (ipgraph serve --memory); with `compare`, also
    in rdflib, on the same merged graph. Each engine runs in a process of its own (`_Engine`)."""
    from ipgraph.query import named_queries
    from ipgraph.store import GraphStore

    disk = _Engine(_Ipgraph, store_dir)
    memory = _Engine(_Ipgraph, store_dir, True) if in_memory else None
    rdflib = _Engine(_Rdflib, store_dir) if compare else None
    store = GraphStore(store_dir, create=False, exclusive=False)  # opened once the engines' processes are forked
    print(f"\n## queries on {store_dir.name} ({len(store):,} statements in the merged graph): median / p95 ms, "
          "each engine in a process of its own")
    # (shipped form, plain form): ipgraph runs the first, rdflib and "disk plain" the second
    engines = {"oxigraph disk": (disk, "query"), "disk plain": (disk, "plain")}
    if memory:
        print(f"(oxigraph in memory: the merged graph loaded in {memory.loaded[0]:.1f} s, +{memory.loaded[1]:,.0f} MB)")
        engines["oxigraph memory"] = (memory, "query")
    if rdflib:
        print(f"(rdflib: the merged graph loaded in {rdflib.loaded[0]:.1f} s, +{rdflib.loaded[1]:,.0f} MB)")
        engines["rdflib"] = (rdflib, "plain")
    print(f"{'query':>28} {'rows':>6} " + " ".join(f"{e:>17}" for e in engines) + "  plain/disk"
          + ("  rdflib/disk" if compare else "") + ("  rdflib/memory" if compare and in_memory else ""))
    cases = {**{k: (q, q) for k, q in SELECTIVE.items()},
             **{k: (q.sparql, (PLAIN / f"{k}.rq").read_text(encoding="utf-8")) for k, q in named_queries().items()}}
    for name, sparql in cases.items():
        got = _latencies(engines, sparql)
        rows = next((g[2] for g in got.values() if g), 0)
        cells = [f"{g[0]:8.1f}/{g[1]:<8.1f}" if g else f"{'> 300 s':>17}" for g in got.values()]
        line = f"{name:>28} {rows:>6} " + " ".join(cells)
        line += f"  {got['disk plain'][0] / got['oxigraph disk'][0]:10.1f}" if got["disk plain"] else f"{'-':>12}"
        if compare:  # past the time limit, the ratio is at least limit / time
            r, more = (got["rdflib"][0], " ") if got["rdflib"] else (300_000, ">")
            line += f"  {more}{r / got['oxigraph disk'][0]:10.1f}"
            if "oxigraph memory" in got:
                line += f"  {more}{r / got['oxigraph memory'][0]:12.1f}"
        print(line)
        if compare and name not in SELECTIVE:
            MEASURED[f"query {name}"] = (documents, r / got["oxigraph disk"][0], more)
    for engine in {e for e, _ in engines.values()} - {rdflib}:
        engine.close()
    export_bench(store, rdflib, documents)
    if rdflib is not None:
        rdflib.close()


def sorted_export(store, fmt: str) -> bytes:
    """The export as it was before it was streamed: statements sorted in Python, then serialized."""
    from pyoxigraph import serialize

    from ipgraph.export import DATASET_FORMATS, FORMATS, prefixes

    def order(term) -> tuple:
        return (type(term).__name__, str(term))

    if fmt in DATASET_FORMATS:
        data = sorted(store.quads(), key=lambda q: (str(q.graph_name), *map(order, (q.subject, q.predicate, q.object))))
    else:
        data = sorted((q.triple for q in store.triples()), key=lambda t: tuple(map(order, t)))
    pretty = fmt in ("turtle", "trig")
    return serialize(data, None, FORMATS[fmt], prefixes=prefixes() if pretty else None)


def export_bench(store, rdflib, documents: int) -> None:
    from ipgraph.export import export

    print("\n## export (ipgraph export: streamed from Oxigraph; against sorting in Python first, as before"
          + (", and rdflib's serializer on the same graph)" if rdflib else ")"))
    for fmt in ("turtle", "nquads", "jsonld"):
        t = time.perf_counter()
        size = len(export(store, fmt))
        ox = time.perf_counter() - t
        MEASURED.setdefault(f"export {fmt}", {})[documents] = ox
        t = time.perf_counter()
        sorted_export(store, fmt)
        before = time.perf_counter() - t
        line = f"{fmt:>8} {size / 1e6:8.1f} MB  streamed {ox:6.1f} s  sorted first {before:6.1f} s  ratio {before / ox:5.1f}"
        if rdflib is not None and fmt != "nquads":  # the per-document graphs are not in the rdflib copy
            got = rdflib.run("serialize", fmt)
            line += f"  rdflib {got[1]:6.1f} s  ratio {got[1] / ox:5.1f}" if got else "  rdflib > 300 s"
        print(line)


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
    ap.add_argument("--rdflib-max", type=int, default=1000,
                    help="largest corpus whose queries are also run in memory and in rdflib")
    ap.add_argument("--memory-max", type=int, default=10000,
                    help="largest corpus whose queries are also run on the merged graph in memory")
    ap.add_argument("--serial-max", type=int, default=1000, help="largest corpus also built serially")
    ap.add_argument("--queries-only", action="store_true", help="query the stores an earlier run built")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    print(f"ipgraph benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    if a.queries_only:
        store = ROOT / f"store-{sizes[-1]}"
    else:
        store = builds(sizes, a.serial_max)
        stages(sorted(corpus(1000).glob("*.txt"))[:200], "generated documents")
        if real_pages():
            stages(real_pages(), "real gov.cn pages")
        startup(store)
    compared = max((n for n in sizes if n <= a.rdflib_max), default=None)
    for n in sorted({compared, sizes[-1]} - {None}):
        queries(ROOT / f"store-{n}", in_memory=n <= a.memory_max, compare=n == compared, documents=n)
    if not a.queries_only:
        incremental(store, sizes[-1])
    targets()


def targets() -> None:
    """The issue's targets beside this run's figures (only those this run measured)."""
    print("\n## targets (issue 16), this run")

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    for key, (rate, peak, pss) in ((k, v) for k, v in MEASURED.items() if k.startswith("build ")):
        n = int(key.split()[1])
        if n >= 1000:
            short = "" if rate >= 100 else f", {100 / rate:.1f}x short"
            print(f"build of {n:,} generated documents: {rate:.1f} documents/s (target 100: {verdict(rate >= 100)}{short})")
            print(f"  peak memory, all processes: {peak:,.0f} MB resident, {pss:,.0f} MB PSS (target < 1,000 MB: "
                  f"{verdict(peak < 1000)})")
    ask = MEASURED.get("ipgraph query 'ASK {}'")
    if ask is not None:
        print(f"ipgraph query 'ASK {{}}': {ask:.2f} s (target < 0.3 s: {verdict(ask < 0.3)})")
    for n, seconds in sorted(MEASURED.get("export turtle", {}).items()):
        note = "" if n >= 10000 else f"; x {10000 // n:,} = {seconds * 10000 / n:.0f} s at 10,000 if linear"
        print(f"Turtle export of the {n:,}-document store: {seconds:.1f} s (target < 15 s at 10,000{note})")
    for key, (n, ratio, more) in ((k, v) for k, v in MEASURED.items() if k.startswith("query ")):
        print(f"{key[6:]:>24} on disk: rdflib takes {more.strip()}{ratio:.1f}x as long ({n:,} documents; "
              f"target 10x: {verdict(ratio >= 10)})")


if __name__ == "__main__":
    main()
