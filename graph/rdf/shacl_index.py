"""The triples of one graph indexed for the fast SHACL check (graph.rdf.fastshacl): subjects'
values per predicate, types with rdfs:subClassOf* as the data states it, and the triples of the
predicates a shape targets. Its own module: the checker and its value checks both read it."""
from __future__ import annotations

from typing import Iterable

from rdflib.namespace import RDF, RDFS

from graph.rdf.terms import Lit, Term, Triple

_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)


class Index:
    """The triples of one graph, indexed for the checks (plain terms, see graph.rdf.terms)."""

    __slots__ = ("spo", "types", "supers", "by_pred")

    def __init__(self, triples: Iterable[Triple], preds_wanted: frozenset = frozenset()) -> None:
        spo: dict[str, dict[str, list]] = {}
        types: dict[str, set] = {}
        by_pred: dict[str, list[tuple[str, Term]]] = {}
        sub: dict[str, set] = {}
        for s, p, o in triples:
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            vals = po.get(p)
            if vals is None:
                po[p] = [o]
            else:
                vals.append(o)
            if p == _TYPE:
                types.setdefault(s, set()).add(o)
            elif p == _SUBCLASS:
                sub.setdefault(s, set()).add(o)
            if p in preds_wanted:
                by_pred.setdefault(p, []).append((s, o))
        self.spo, self.types, self.by_pred = spo, types, by_pred
        self.supers: dict = {}
        for c in sub:  # transitive closure of rdfs:subClassOf, present in the data (rarely)
            seen: set = set()
            todo = [c]
            while todo:
                for d in sub.get(todo.pop(), ()):
                    if d not in seen:
                        seen.add(d)
                        todo.append(d)
            self.supers[c] = seen

    def values(self, node: Term, path: str) -> list:
        po = self.spo.get(node) if not isinstance(node, Lit) else None
        return po.get(path, []) if po else []

    def is_instance(self, node: Term, cls: str) -> bool:
        types = self.types.get(node) if not isinstance(node, Lit) else None
        if not types:
            return False
        if cls in types:
            return True
        return any(cls in self.supers.get(t, ()) for t in types)

    def instances(self, cls: str) -> list:
        return [n for n, types in self.types.items()
                if cls in types or any(cls in self.supers.get(t, ()) for t in types)]
