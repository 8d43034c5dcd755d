"""SHACL validation of a graph against ontology/shapes.ttl (pySHACL)."""
from __future__ import annotations

from pathlib import Path

import rdflib

ONTOLOGY = Path(__file__).parent / "ontology"


def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def validate(data: rdflib.Graph) -> tuple[bool, str]:
    """(conforms, readable report). Uses the ontology for RDFS inference of classes."""
    from pyshacl import validate as shacl

    ont = rdflib.Graph().parse(ONTOLOGY / "ipgraph.ttl", format="turtle")
    conforms, _, text = shacl(data, shacl_graph=shapes(), ont_graph=ont, inference="none", advanced=True)
    return bool(conforms), str(text)
