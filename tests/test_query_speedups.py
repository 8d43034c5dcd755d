"""The two things that make corpus-wide queries fast on disk change nothing in their answers: the
named queries' sub-SELECT forms answer what their plain forms (bench/plain_queries/) answer, and
an ORDER BY done in Python orders as Oxigraph's does."""
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat

from ipgraph.query import Sorted, format_result, named_queries, run
from ipgraph.vocab import PREFIXES

PLAIN = Path(__file__).resolve().parent.parent / "bench" / "plain_queries"


def oxigraph(store, sparql):
    """Oxigraph evaluates everything, ORDER BY included."""
    return [[str(t) for t in row] for row in store.query(sparql, prefixes=PREFIXES)]


def test_every_named_query_has_its_plain_form():
    assert {p.stem for p in PLAIN.glob("*.rq")} == set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_shipped_form_answers_as_the_plain_form(corpus_store, name):
    shipped = named_queries()[name].sparql
    plain = (PLAIN / f"{name}.rq").read_text(encoding="utf-8")
    assert shipped != plain
    got = oxigraph(corpus_store, shipped)
    assert got and got == oxigraph(corpus_store, plain)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_order_by_in_python_orders_as_oxigraph(corpus_store, name):
    sparql = named_queries()[name].sparql
    result = run(corpus_store, sparql)
    assert isinstance(result, Sorted)
    assert [[str(t) for t in row] for row in result] == oxigraph(corpus_store, sparql)


def test_sorted_results_serialize_as_oxigraph_writes_them(corpus_store):
    sparql = named_queries()["departments-by-tasks"].sparql  # numbers (counts), descending
    expected = corpus_store.query(sparql, prefixes=PREFIXES)
    assert format_result(run(corpus_store, sparql), "json") == expected.serialize(
        format=QueryResultsFormat.JSON).decode("utf-8")
    tsv = run(corpus_store, sparql).serialize(format=QueryResultsFormat.TSV)
    assert tsv == corpus_store.query(sparql, prefixes=PREFIXES).serialize(format=QueryResultsFormat.TSV)


@pytest.mark.parametrize("order,expected", [
    ("ORDER BY ?n", [None, "1", "2", "10"]),  # unbound first, then numbers by value, not text
    ("ORDER BY DESC(?n)", ["10", "2", "1", None]),
    ("ORDER BY ?s", [None, "1", "10", "2"]),  # strings by text
])
def test_order_by_in_python_follows_sparql(corpus_store, order, expected):
    sparql = f"""SELECT ?n ?s WHERE {{ VALUES (?n ?s) {{ (2 "2") (10 "10") (UNDEF UNDEF) (1 "1") }} }} {order}"""
    result = run(corpus_store, sparql)
    assert isinstance(result, Sorted)
    key = "s" if "?s" in order else "n"
    got = [None if row[key] is None else row[key].value for row in result]
    assert got == expected
    assert [[str(t) for t in row] for row in result] == oxigraph(corpus_store, sparql)


def test_order_by_two_keys_with_languages_follows_oxigraph(corpus_store):
    # titles in Chinese and English, tagged and plain; ties on the first key broken by the second
    sparql = """SELECT ?t ?d WHERE { VALUES (?t ?d) { ("规划"@zh "b") ("规划"@zh "a"@zh) ("plan"@en "c")
                ("纲要" "d") ("方案"@zh UNDEF) } } ORDER BY ?t ?d"""
    result = run(corpus_store, sparql)
    assert isinstance(result, Sorted)
    assert [[str(t) for t in row] for row in result] == oxigraph(corpus_store, sparql)


def test_order_by_mixed_directions_with_ties_follows_oxigraph(corpus_store):
    # ascending, descending, ascending: ties on the first two keys are broken by the third, in its own direction
    sparql = """SELECT ?a ?b ?c WHERE { VALUES (?a ?b ?c) { ("x" true "2") ("x" false "1") ("x" true "1")
                ("w" false "9") ("x" true UNDEF) ("w" true "3") } } ORDER BY ?a DESC(?b) ?c"""
    result = run(corpus_store, sparql)
    assert isinstance(result, Sorted)
    got = [[None if t is None else t.value for t in row] for row in result]
    assert got == [["w", "true", "3"], ["w", "false", "9"], ["x", "true", None], ["x", "true", "1"],
                   ["x", "true", "2"], ["x", "false", "1"]]
    assert [[str(t) for t in row] for row in result] == oxigraph(corpus_store, sparql)


def test_order_by_of_a_variable_not_selected_is_left_to_oxigraph(corpus_store):
    sparql = "SELECT ?s WHERE { VALUES (?s ?k) { (\"a\" 2) (\"b\" 1) } } ORDER BY ?k"
    result = run(corpus_store, sparql)
    assert not isinstance(result, Sorted)
    assert [row["s"].value for row in result] == ["b", "a"]
