"""networkx metrics on the accountability network: who carries most, who connects most."""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from ..query import named_queries, rows, run
from ..store import GraphStore
from .graphs import accountability


def stats(store: GraphStore, top: int = 10) -> dict:
    g = accountability(store)
    depts = [n for n, d in g.nodes(data=True) if d["kind"] == "department"]
    label = {n: g.nodes[n]["label"] for n in g}
    between = nx.betweenness_centrality(g) if g.number_of_nodes() <= 5000 else {}
    ranked = sorted(depts, key=lambda n: (-g.degree(n), label[n]))
    shared: dict[tuple[str, str], int] = {}
    for task in (n for n, d in g.nodes(data=True) if d["kind"] != "department"):
        for a, b in combinations(sorted(g.neighbors(task), key=lambda n: label[n]), 2):
            shared[(a, b)] = shared.get((a, b), 0) + 1
    _, orphans = rows(run(store, named_queries()["tasks-without-owner"].sparql))
    return {
        "departments": len(depts),
        "tasks_with_owner": g.number_of_nodes() - len(depts),
        "tasks_without_owner": len(orphans),
        "by_tasks": [{"department": label[n], "tasks": g.degree(n),
                      "leads": sum(1 for _, _, d in g.edges(n, data=True) if d["lead"])} for n in ranked[:top]],
        "by_betweenness": [{"department": label[n], "betweenness": round(between.get(n, 0.0), 4)}
                           for n in sorted(depts, key=lambda n: (-between.get(n, 0.0), label[n]))[:top]],
        "shared_tasks": [{"a": label[a], "b": label[b], "tasks": k}
                         for (a, b), k in sorted(shared.items(), key=lambda kv: (-kv[1], label[kv[0][0]],
                                                                                 label[kv[0][1]]))[:top]],
    }
