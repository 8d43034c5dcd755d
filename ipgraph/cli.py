"""The ipgraph command line: a thin shell over the library (parse options, call, print)."""
from __future__ import annotations

import csv
import json
import os
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import click

from . import query as q
from .errors import IpgraphError
from .export import FORMATS, SUFFIXES, export
from .limits import Limits
from .store import DEFAULT_STORE, GraphStore
from .vocab import DEFAULT_BASE

BUNDLED = Path(__file__).resolve().parent.parent / "data"
EXIT_FAILED, EXIT_PARTIAL, EXIT_BUG = 1, 3, 70

store_option = click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True,
                            type=click.Path(file_okay=False), help="Folder of the persistent store.")
base_option = click.option("--base-iri", default=DEFAULT_BASE, show_default=True,
                           help="Namespace of instance IRIs (plans, tasks, departments…).")


def _print_rows(found: list[dict], headers: list[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(headers)
        w.writerows([[r.get(h, "") for h in headers] for r in found])
    else:
        click.echo(q.table(headers, [[str(r.get(h, "")) for h in headers] for r in found], max_width=40))
        click.echo(f"{len(found)} row(s)")


format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True)


def _store(path: str, create: bool = False) -> GraphStore:
    return GraphStore(path, create=create, exclusive=create)


COUNTS = """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  VALUES (?kind ?class) { ("documents" ipg:SourceDocument) ("plans" ipg:Plan) ("tasks" ipg:Task)
    ("departments" ipg:Department) ("indicators" ipg:Indicator) ("terms" ipg:DefinedTerm) ("projects" ipg:Project) }
  OPTIONAL { ?x a ?class }
} GROUP BY ?kind
"""


def summary(store: GraphStore, base: str = DEFAULT_BASE) -> dict[str, int]:
    counts = {r[0]: int(r[1]) for r in q.rows(q.run(store, COUNTS, base))[1]}
    order = ["documents", "plans", "tasks", "departments", "indicators", "terms", "projects"]
    out = {k: counts.get(k, 0) for k in order}
    out["triples"] = len(store)
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ipgraph")
def cli():
    """ipgraph turns Chinese government plans (规划) into linked data.

    Build a graph from plan texts, query it with SPARQL, see who owns which task and how
    plans inherit from each other, and export Turtle for linked-data portals.
    """


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path())
@store_option
@base_option
@click.option("--workers", "-j", type=int, default=None,
              help="Processes for extraction (default: all cores when there are 8 files or more).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@click.option("--prune", is_flag=True, help="Also take out documents whose files are gone.")
@click.option("--max-file-mb", default=Limits.max_file_mb, show_default=True, type=click.FloatRange(min=0),
              help="Skip files larger than this.")
@click.option("--max-seconds", default=Limits.max_seconds, show_default=True, type=click.FloatRange(min=0.1),
              help="Stop reading a file after this many seconds, and skip it.")
@click.option("--max-worker-mb", default=Limits.max_worker_mb, show_default=True, type=click.FloatRange(min=10),
              help="Stop reading a file once it has taken this much memory, and skip it.")
def build_cmd(paths, store_dir, base_iri, workers, quiet, prune, max_file_mb, max_seconds, max_worker_mb):
    """Ingest files and folders (default: the bundled data/ corpus) into the store.

    Text, saved web pages, Word (.docx) and PDF files are read; each goes in its own named graph,
    and building a file again replaces its statements. A file that cannot be read (or is over a
    limit, or in a format not read, such as .doc) is named with the reason and skipped; the exit
    status is then 3. A document is named by its path inside the folder given (a/plan.txt and
    b/plan.txt are two); a file renamed since it was built stays one document.
    """
    # imported here: they bring spaCy, OpenCC and the division table, which only a build needs
    from .load import discover
    from .pipeline import build

    if not paths:
        if not BUNDLED.is_dir():
            raise IpgraphError("no PATH given and no bundled data/ corpus found")
        paths = (str(BUNDLED),)
    store = _store(store_dir, create=True)
    files = len(discover(list(paths)))
    show = not quiet and sys.stderr.isatty() and files > 1
    with click.progressbar(length=files, label="building", show_eta=True, show_pos=True, file=sys.stderr,
                           item_show_func=lambda r: _rate(r, bar)) if show else nullcontext() as bar:
        report = build(list(paths), store, base_iri, workers=workers,
                       on_file=(lambda r: bar.update(1, r)) if show else None, prune=prune,
                       limits=Limits(max_file_mb, max_seconds, max_worker_mb))
    for failure in report.failed:
        click.echo(f"ipgraph: skipped {failure}", err=True)
    if not quiet:
        counts = summary(store, base_iri)
        rate = len(report.built) / report.seconds if report.seconds else 0
        click.echo(f"built {len(report.built)} file(s) into {store_dir}"
                   + (f", {len(report.failed)} failed" if report.failed else "")
                   + f" in {report.seconds:.1f} s ({rate:.1f} documents/s)")
        click.echo("  ".join(f"{k}={v}" for k, v in counts.items()))
        for d in report.removed:
            click.echo(f"removed {d}")
    if report.failed:
        sys.exit(EXIT_PARTIAL)


@cli.command("remove")
@click.argument("targets", nargs=-1, required=True)
@store_option
@base_option
def remove_cmd(targets, store_dir, base_iri):
    """Take documents out of the store: TARGETS are document ids (a/plan.txt) or the paths of
    built files or folders, present or gone. Each goes in one transaction; the merged graph and
    the inferred lineage are kept in step."""
    from .pipeline import remove  # brings the pipeline: only removing needs it

    for d in remove(list(targets), GraphStore(store_dir, create=False), base_iri):
        click.echo(f"removed {d}")


def _rate(result, bar) -> str:
    if result is None or bar is None or not bar.pos:
        return ""
    elapsed = time.time() - bar.start
    return f"{bar.pos / elapsed:.1f} docs/s" if elapsed > 0 else ""


@cli.command("export")
@store_option
@base_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format (default: from the output file's suffix, else turtle).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="File to write (default: stdout).")
@click.option("--metadata", is_flag=True, help="Write a DCAT and VoID description of the dataset instead (Turtle).")
@click.option("--endpoint", default=None, help="With --metadata: the public SPARQL endpoint to list.")
@click.option("--download-base", default=None, help="With --metadata: the URL the export files are published under.")
def export_cmd(store_dir, base_iri, fmt, output, metadata, endpoint, download_base):
    """Write the graph as Turtle, TriG, N-Quads or JSON-LD (sorted, so builds compare byte for byte)."""
    fmt = fmt or (SUFFIXES.get(Path(output).suffix.lower(), "turtle") if output else "turtle")
    store = _store(store_dir)
    if metadata:
        from .metadata import describe

        data = describe(store, base_iri, endpoint=endpoint, download_base=download_base)
        Path(output).write_bytes(data) if output else sys.stdout.buffer.write(data)
        return
    if output:
        export(store, fmt, output, base_iri)
    else:
        export(store, fmt, sys.stdout.buffer, base_iri)  # streamed: a large store is never held in memory


@cli.command("query")
@click.argument("sparql_or_file")
@store_option
@base_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def query_cmd(sparql_or_file, store_dir, base_iri, fmt):
    """Run SPARQL given inline, in a .rq file, or by the name of a named query (see 'ipgraph queries').

    The prefixes ipg:, rdfs:, skos:, dcterms:, org:, prov:, xsd: (and id: for instances) are predeclared.
    """
    store = _store(store_dir)
    result = q.run(store, q.resolve_query(sparql_or_file), base_iri)
    text = q.format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))


@cli.command("queries")
def queries_cmd():
    """List the named queries that 'ipgraph query NAME' runs."""
    for nq in q.named_queries().values():
        click.echo(f"{nq.name:24} {nq.description}")


@cli.command("owners")
@store_option
@click.option("--department", "-d", default="", help="Only departments whose name contains this (any label).")
@click.option("--plan", "-p", default="", help="Only plans whose title contains this.")
@format_option
def owners_cmd(store_dir, department, plan, fmt):
    """Which departments own which tasks: department, task, plan, and whether it leads (牵头)."""
    found = q.owners(_store(store_dir), department, plan)
    if fmt == "table":
        found = [{**r, "lead": "lead" if r["lead"] else ""} for r in found]
    _print_rows(found, ["department", "task", "text", "plan", "lead"], fmt)


@cli.command("lineage")
@click.argument("plan", required=False, default="")
@store_option
def lineage_cmd(plan, store_dir):
    """The plans PLAN is based on and cites (recursively), and the plans that cite it.

    PLAN is any part of a title; without it, every ingested plan is shown.
    """
    trees = q.lineage(_store(store_dir), plan)
    if not trees:
        raise IpgraphError(f"no plan whose title contains {plan!r}")
    click.echo("\n\n".join(q.render_lineage(t) for t in trees))


@cli.command("indicators")
@click.argument("name", required=False, default="")
@store_option
@format_option
def indicators_cmd(name, store_dir, fmt):
    """Compare one indicator across plans: baseline and target in every plan that measures it.

    NAME is any part of the indicator's name (每万人口高价值发明专利); plans that word it slightly
    differently (with a footnote marker, a space) are the same concept.
    """
    found = q.indicators(_store(store_dir), name)
    _print_rows(found, ["indicator", "plan", "level", "unit", "baseline", "baselineYear", "target", "targetYear"],
                fmt)


@cli.command("plans")
@click.option("--region", "-r", default="", help="Only plans of regions whose name contains this, and below them.")
@store_option
@format_option
def plans_cmd(region, store_dir, fmt):
    """The ingested plans of a region and all its sub-regions (湖北 → 湖北省, 宜昌市, …)."""
    _print_rows(q.plans_in(_store(store_dir), region), ["plan", "region", "level", "start", "end"], fmt)


@cli.command("viz")
@click.argument("view", type=click.Choice(["accountability", "lineage", "indicators"]))
@store_option
@click.option("--plan", "-p", default="", help="Only plans whose title contains this.")
@click.option("--region", "-r", default="", help="Only plans of regions whose name contains this (and below).")
@click.option("--department", "-d", default="", help="Only departments whose name contains this (accountability).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: visualizations/VIEW.html).")
def viz_cmd(view, store_dir, plan, region, department, output):
    """Draw an interactive view as one self-contained HTML file that opens offline.

    accountability: departments and the tasks they own (lead edges solid red);
    lineage: plans by level, based-on, cites and inferred links; indicators: indicator concepts
    and the plans that set them, edges labelled baseline → target.
    """
    from .viz import VIEWS, render

    graph = VIEWS[view](_store(store_dir), plan=plan, department=department, region=region)
    if graph.number_of_nodes() == 0:
        raise IpgraphError(f"nothing to draw for {view} with these filters")
    title = "ipgraph · " + {"accountability": "责任分工 accountability", "lineage": "规划谱系 lineage",
                            "indicators": "指标 indicators"}[view]
    path = render(graph, view, output or f"visualizations/{view}.html", title)
    click.echo(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


@cli.command("stats")
@store_option
@click.option("--top", default=10, show_default=True, help="Rows per ranking.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_cmd(store_dir, top, fmt):
    """Metrics of the accountability network: departments by tasks and by betweenness, the pairs of
    departments that share most tasks, and how many tasks have no owner."""
    from .viz.stats import stats

    result = stats(_store(store_dir), top)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"departments={result['departments']}  tasks with an owner={result['tasks_with_owner']}  "
               f"tasks without one={result['tasks_without_owner']}\n")
    for key, headers in (("by_tasks", ["department", "tasks", "leads"]), ("by_betweenness", ["department", "betweenness"]),
                         ("shared_tasks", ["a", "b", "tasks"])):
        click.echo(q.table(headers, [[str(r[h]) for h in headers] for r in result[key]]) + "\n")


# Oxigraph's memory store held the merge of 1,000 generated plans (801,830 statements) in 306 MB,
# 10,000 in 2.0 GB (bench/): about 400 bytes a statement, rounded up
BYTES_PER_STATEMENT = 400


def memory_estimate(store: GraphStore) -> float:
    """Megabytes the merged graph would take in memory, from the ingest log's statement counts (the
    documents' own, an upper bound of the merge's), so nothing is read to decide."""
    return sum(entry["triples"] for entry in store.log().values()) * BYTES_PER_STATEMENT / 1e6


@cli.command("serve")
@store_option
@base_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free one).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before its worker is killed.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=1),
              help="Largest result a query may return.")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(min=16),
              help="MB a query may add to its worker process before the worker is killed.")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Queries that may run at once, each in its own process; more are refused (503).")
@click.option("--allow-service", multiple=True, metavar="URL",
              help="A SPARQL endpoint queries may call with SERVICE (repeatable); any other SERVICE is refused.")
@click.option("--memory/--disk", default=None, help="Copy the merged graph into each query worker's memory "
              "(queries written plainly run 2-4x faster there; the named queries, written for the disk, mostly slower; "
              "it takes about 5 s and 300 MB per 1,000 documents per worker), or "
              "read the store on disk. Default: memory when the copies fit --memory-budget.")
@click.option("--memory-budget", default=1024, show_default=True, type=click.IntRange(min=0),
              help="Megabytes all the in-memory copies together may take when neither --memory nor --disk is given.")
def serve_cmd(store_dir, base_iri, host, port, timeout, max_rows, max_memory, workers, allow_service, memory,
              memory_budget):
    """A read-only SPARQL 1.1 Protocol endpoint at /sparql (JSON, XML, CSV, TSV by Accept), and every
    instance IRI under /id/ as HTML, Turtle or JSON-LD. SPARQL Update and SERVICE are refused."""
    from .publish import check_url
    from .serve import serve

    for url in allow_service:
        check_url(url, "--allow-service")
    store = GraphStore(store_dir, create=False, exclusive=False)
    size = memory_estimate(store)
    if memory is None:
        memory = size * workers <= memory_budget
    where = (f"merged graph in memory in each of {workers} query workers, about {size:,.0f} MB each" if memory
             else f"on disk: {workers} in-memory copies would take about {size * workers:,.0f} MB")
    serving = f"serving {store_dir} at http://{host}:{port}/sparql ({where})"
    serve(store, host, port, base_iri, timeout, max_rows, memory, workers, max_memory, frozenset(allow_service),
          on_ready=lambda: click.echo(serving, err=True))


@cli.command("push")
@store_option
@click.option("--graph-store", default=None, help="Graph Store Protocol URL (e.g. http://host:7878/store): PUT per graph.")
@click.option("--endpoint", default=None, help="SPARQL Update URL, used where no graph store is given.")
@click.option("--query-url", default=None,
              help="SPARQL query URL to count what the remote store holds afterwards (default: --endpoint; "
              "with --graph-store, each graph is read back).")
@click.option("--auth", default=None, envvar="IPGRAPH_PUSH_AUTH", help="user:password for HTTP Basic auth (or IPGRAPH_PUSH_AUTH).")
@click.option("--deadline", default=3600.0, show_default=True, type=click.FloatRange(min=1),
              help="Seconds the whole push may take, retries included.")
def push_cmd(store_dir, graph_store, endpoint, query_url, auth, deadline):
    """Upload each document's named graph to a triple store (Oxigraph, Fuseki, GraphDB, Virtuoso…).

    PUT replaces the graph, so pushing twice doubles nothing; transient failures are retried; a
    redirect is refused; afterwards the remote store's statement count per graph is checked."""
    from .publish import push

    store = _store(store_dir)
    report = push(store, endpoint, graph_store, auth, on_graph=lambda g, n: click.echo(f"{n:>8}  {g}"),
                  deadline=deadline, query_url=query_url)
    total = sum(n for _, n in report.graphs)
    click.echo(f"pushed {len(report.graphs)} graph(s), {total} statements (the remote store holds {report.checked})"
               + (f", {report.retries} retries" if report.retries else ""))


@cli.command("validate")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@store_option
def validate_cmd(file, store_dir):
    """Check a Turtle FILE (default: the store's graph) against the SHACL shapes in ontology/.

    Exits 1 when the graph does not conform, and prints the report.
    """
    import rdflib

    from .validate import validate

    graph = rdflib.Graph()
    if file:
        try:
            graph.parse(file, format=rdflib.util.guess_format(file) or "turtle")
        except Exception as exc:  # rdflib raises many kinds for bad input
            raise IpgraphError(f"{file}: not valid RDF ({str(exc).splitlines()[0][:200]})") from None
    else:
        graph.parse(data=export(_store(store_dir), "turtle"), format="turtle")
    conforms, report = validate(graph)
    click.echo(report.strip())
    if not conforms:
        sys.exit(EXIT_FAILED)


def main() -> None:
    """Every failure ends in one line on stderr and a non-zero exit: 1 for a problem the user can
    fix (input, disk, network, permissions), 2 for a wrong option, 3 for a build that skipped
    files, 70 for a bug (IPGRAPH_DEBUG=1 shows its traceback)."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("ipgraph: aborted", err=True)
        sys.exit(EXIT_FAILED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except IpgraphError as exc:
        click.echo(f"ipgraph: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # a full disk, a folder that cannot be written, a store that cannot be read
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        click.echo(f"ipgraph: {where}{exc.strerror or str(exc).splitlines()[0]}", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as exc:
        if os.environ.get("IPGRAPH_DEBUG"):
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        click.echo(f"ipgraph: internal error, please report: {type(exc).__name__}: {first}", err=True)
        sys.exit(EXIT_BUG)
