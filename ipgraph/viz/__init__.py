"""Interactive views of the graph: networkx projections rendered as self-contained HTML."""
from .graphs import accountability, indicators, lineage
from .html import render

VIEWS = {"accountability": accountability, "lineage": lineage, "indicators": indicators}

__all__ = ["VIEWS", "accountability", "indicators", "lineage", "render"]
