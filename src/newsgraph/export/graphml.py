"""GraphML export of the actor network (opens in Gephi, yEd, Cytoscape desktop).

Nodes are actors with their type, code and mentions; directed edges are who acts
on whom, with the event count, mean Goldstein score and count per QuadClass: the
store's ``graph`` query, written by networkx.
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from newsgraph.store import Filters, Store

# Enough for every edge of a large store; Gephi filters further.
MAX_EDGES = 100_000


def actor_network(store: Store, filters: Filters | None = None) -> nx.DiGraph:
    """The store's actor network as a networkx graph (None attributes left out)."""
    graph_data = store.graph(filters or Filters(), max_edges=MAX_EDGES)
    graph = nx.DiGraph()
    for node in graph_data["nodes"]:
        attributes = {k: v for k, v in node.items() if k != "key" and v is not None}
        graph.add_node(node["key"], label=node["name"], **attributes)
    for edge in graph_data["edges"]:
        attributes = {
            k: v for k, v in edge.items() if k not in ("source", "target") and v is not None
        }
        graph.add_edge(edge["source"], edge["target"], weight=edge["events"], **attributes)
    return graph


def write_graphml(store: Store, stream: BinaryIO, filters: Filters | None = None) -> None:
    """Write the actor network as GraphML (UTF-8 XML)."""
    nx.write_graphml(actor_network(store, filters), stream, encoding="utf-8")
