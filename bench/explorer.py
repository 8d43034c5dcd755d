"""Page latency of the explorer on a generated corpus (default 1,000 documents).

    python -m bench.explorer [--docs 1000] [--rounds 20]

Builds the corpus (bench/corpus.py) into its own store in /tmp/ipgraph-bench (reused when it is
already there), starts the real `ipgraph serve`, and times full HTML page requests over HTTP from
this process: home, search, and a sample of plan, department and indicator pages. Prints the
median and 90th percentile per page kind.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from .corpus import generate

ROOT = Path("/tmp/ipgraph-bench")
IPGRAPH = str(Path(sys.executable).with_name("ipgraph"))
SEARCHES = ["市场监管", "知识产权", "高价值发明专利", "质押融资", "市場監管", "专利"]


def _get(url: str, accept: str = "text/html") -> float:
    t = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=60) as r:
        r.read()
    return time.perf_counter() - t


def _json(url: str):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def _sample(server: str, sparql: str, n: int, rnd: random.Random) -> list[str]:
    q = urllib.parse.urlencode({"query": sparql})
    with urllib.request.urlopen(urllib.request.Request(f"{server}/sparql?{q}", headers={"Accept": "application/json"})) as r:
        iris = [b["x"]["value"] for b in json.load(r)["results"]["bindings"]]
    return rnd.sample(iris, min(n, len(iris)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=20, help="requests per page kind")
    ap.add_argument("--memory", action="store_true", help="serve --memory (the merged graph copied into memory)")
    args = ap.parse_args()
    folder, store = ROOT / f"explorer-corpus-{args.docs}", ROOT / f"explorer-store-{args.docs}"
    if not folder.exists():
        generate(args.docs, folder)
    if not (store / "oxigraph").exists():
        t = time.perf_counter()
        subprocess.run([IPGRAPH, "build", str(folder), "--store", str(store), "-q"], check=True)
        print(f"built {args.docs} documents in {time.perf_counter() - t:.0f} s (index included)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = f"http://127.0.0.1:{port}"
    t = time.perf_counter()
    proc = subprocess.Popen([IPGRAPH, "serve", "--store", str(store), "--port", str(port)]
                            + (["--memory"] if args.memory else []), stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                overview = _json(server + "/index.json")
                break
            except OSError:
                time.sleep(0.5)
        print(f"serving after {time.perf_counter() - t:.1f} s (search index rebuilt first if stale)")
        print("store:", ", ".join(f"{k}={v}" for k, v in overview["counts"].items()))
        rnd = random.Random(0)
        base = "https://w3id.org/ipgraph/id/"
        local = lambda iri: server + "/id/" + urllib.parse.quote(iri[len(base):], safe="/")  # noqa: E731
        pages = {
            "home": [server + "/"],
            "search": [server + "/search?" + urllib.parse.urlencode({"q": q}) for q in SEARCHES],
            "plan": [local(i) for i in _sample(server, "SELECT DISTINCT ?x WHERE { ?d ipg:describes ?x }", args.rounds, rnd)],
            "department": [local(i) for i in _sample(
                server, "SELECT DISTINCT ?x WHERE { ?t ipg:responsibleDepartment ?x }", args.rounds, rnd)],
            "indicator": [local(i) for i in _sample(server, "SELECT DISTINCT ?x WHERE { ?i ipg:measures ?x }", args.rounds, rnd)],
        }
        print(f"{'page':<12}{'median ms':>10}{'p90 ms':>10}{'max ms':>10}  requests")
        for kind, urls in pages.items():
            for u in urls[:3]:
                _get(u)  # warm: first request of a kind pays imports and caches
            times = sorted(_get(urls[i % len(urls)]) * 1000 for i in range(args.rounds))
            p90 = times[int(0.9 * (len(times) - 1))]
            print(f"{kind:<12}{statistics.median(times):>10.0f}{p90:>10.0f}{times[-1]:>10.0f}  {len(times)} over {len(urls)} pages")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
