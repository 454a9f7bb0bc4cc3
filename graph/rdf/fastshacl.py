"""A fast, conservative SHACL Core check for article graphs, with pyshacl as the judge of last resort.

pyshacl costs ~50-80 ms for one article graph (it builds a report graph, runs SPARQL per
`sh:class`, and walks every shape through its generic machinery); ingest needs a check
in ~1 ms. `Checker` compiles `ontologies/shapes.ttl` once into plain Python closures over
an index of the article's triples and answers with certainty only when *every* constraint
is plainly met. Anything else — a violation, a value it is not sure how to compare, a
shapes feature it does not implement — is handed to pyshacl, whose verdict (and report)
is final. So the answer is pyshacl's answer; only the cost differs.

The checker works on plain terms (graph.rdf.terms: an IRI is a str, a literal a `Lit`): ingest
checks the tuples `graph.rdf.triples.article_triples` makes (`check_triples`, which hands pyshacl the
very N-Triples that would be written), and an rdflib Graph is converted first (`check`).
A literal passes a datatype only if its lexical form is one this module parses strictly
(integers, decimals, dates, dateTimes, gYear, gYearMonth: a subset of what rdflib reads as
well-typed) or its datatype is unknown to rdflib (so pyshacl cannot find it ill-typed either).

Supported (the SHACL Core subset our shapes use, with their spec semantics): targets
`sh:targetClass` (with `rdfs:subClassOf*` in the data), `sh:targetNode`, `sh:targetSubjectsOf`,
`sh:targetObjectsOf`; property shapes with an IRI `sh:path`; `sh:minCount`, `sh:maxCount`,
`sh:datatype`, `sh:nodeKind`, `sh:class`, `sh:in`, `sh:hasValue`, `sh:pattern` (+ `sh:flags`),
`sh:minLength`, `sh:maxLength`, `sh:min/maxInclusive`, `sh:min/maxExclusive` (numbers),
`sh:or` / `sh:and` / `sh:not` / `sh:node` of such shapes; `sh:deactivated`. Any other `sh:`
term in the shapes makes `Checker.compile` raise `Unsupported`, and callers use pyshacl.

    >>> from graph.rdf.fastshacl import check
    >>> from rdflib import Graph
    >>> check(Graph())
    (True, '')
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, Optional, Union

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from graph.rdf.shacl_index import Index
from graph.rdf.shacl_values import (
    DEFER,
    PASS,
    SH,
    NodeCheck,
    Unsupported,
    ValueCheck,
    _class,
    _datatype,
    _in,
    _length,
    _node_kind,
    _pattern,
    _range,
)
from graph.rdf.terms import Triple, from_rdflib

# Terms of the sh: namespace a shape may carry that do not constrain anything.
_INERT = {SH.name, SH.description, SH.message, SH.severity, SH.order, SH.group, SH.defaultValue,
          SH.property, SH.path, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
          SH.deactivated, SH.flags}
_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH["class"], SH["in"], SH.hasValue,
                SH.pattern, SH.minLength, SH.maxLength, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
                SH.maxExclusive, SH["or"], SH["and"], SH["not"], SH.node}

class Checker:
    """Compiled shapes: `checker(graph)` is PASS (conforms, surely) or DEFER (ask pyshacl)."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self._compiling: set = set()
        self._node_shapes: dict = {}
        self.targets: list[tuple[Callable[[Index], list], NodeCheck]] = []
        self.preds_wanted: set[str] = set()
        self._preds: frozenset = frozenset()
        roots = set(shapes.subjects(RDF.type, SH.NodeShape))
        for t in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            roots.update(shapes.subjects(t, None))
        for shape in sorted(roots, key=str):
            if (shape, RDF.type, SH.PropertyShape) in shapes and (shape, SH.path, None) in shapes:
                raise Unsupported("targets on a property shape")
            if (shape, RDF.type, RDFS.Class) in shapes:
                raise Unsupported("implicit class targets")
            focus = self._targets(shape)
            if focus is not None:
                self.targets.append((focus, self._node_shape(shape)))
        self._preds = frozenset(self.preds_wanted)

    @classmethod
    def compile(cls, shapes: Graph) -> "Checker":
        return cls(shapes)

    def _one(self, node, pred):
        vals = list(self.shapes.objects(node, pred))
        if len(vals) > 1:
            raise Unsupported(f"several {pred} on one shape")
        return vals[0] if vals else None

    def _targets(self, shape) -> Optional[Callable[[Index], list]]:
        classes = list(self.shapes.objects(shape, SH.targetClass))
        nodes = list(self.shapes.objects(shape, SH.targetNode))
        subj_of = list(self.shapes.objects(shape, SH.targetSubjectsOf))
        obj_of = list(self.shapes.objects(shape, SH.targetObjectsOf))
        if not (classes or nodes or subj_of or obj_of):
            return None

        self.preds_wanted |= {str(p) for p in subj_of + obj_of}
        class_keys = [str(c) for c in classes]
        nodes = [from_rdflib(n) for n in nodes]

        def focus(ix: Index) -> list:
            out: list = []
            for c in class_keys:
                out += ix.instances(c)
            out += nodes
            for p in subj_of:
                out += [s for s, _ in ix.by_pred.get(str(p), ())]
            for p in obj_of:
                out += [o for _, o in ix.by_pred.get(str(p), ())]
            return out
        return focus

    def _is_deactivated(self, shape) -> bool:
        d = self._one(shape, SH.deactivated)
        return d is not None and bool(getattr(d, "value", False))

    def _node_shape(self, shape) -> NodeCheck:
        """A check of a focus node against a node shape (its own constraints + its property shapes)."""
        if shape in self._node_shapes:
            return self._node_shapes[shape]
        if shape in self._compiling:
            raise Unsupported("recursive shapes")
        self._compiling.add(shape)
        if self._is_deactivated(shape):
            fn: NodeCheck = lambda ix, f: PASS
        else:
            self._refuse_unknown(shape, allow_path=False)
            own = self._value_checks(shape)
            props = [self._property_shape(p) for p in self.shapes.objects(shape, SH.property)]

            def fn(ix: Index, f: object) -> Optional[bool]:
                for c in own:
                    if c(ix, f) is not PASS:
                        return DEFER
                for p in props:
                    if p(ix, f) is not PASS:
                        return DEFER
                return PASS
        self._compiling.discard(shape)
        self._node_shapes[shape] = fn
        return fn

    def _refuse_unknown(self, shape, allow_path: bool) -> None:
        for p in set(self.shapes.predicates(shape, None)):
            if str(p).startswith(str(SH)) and p not in _INERT and p not in _CONSTRAINTS:
                raise Unsupported(f"{p}")
        if not allow_path and (shape, SH.path, None) in self.shapes:
            raise Unsupported("sh:path on a node shape")
        if self._one(shape, SH.flags) is not None and self._one(shape, SH.pattern) is None:
            raise Unsupported("sh:flags without sh:pattern")

    def _property_shape(self, shape) -> NodeCheck:
        if self._is_deactivated(shape):
            return lambda ix, f: PASS
        self._refuse_unknown(shape, allow_path=True)
        path_term = self._one(shape, SH.path)
        if not isinstance(path_term, URIRef):
            raise Unsupported("a property path other than one IRI")
        path = str(path_term)
        if list(self.shapes.objects(shape, SH.property)):
            raise Unsupported("nested sh:property on a property shape")
        lo = self._one(shape, SH.minCount)
        hi = self._one(shape, SH.maxCount)
        lo = int(lo) if lo is not None else None
        hi = int(hi) if hi is not None else None
        has = [from_rdflib(h) for h in self.shapes.objects(shape, SH.hasValue)]
        checks = self._value_checks(shape, with_has_value=False)

        def fn(ix: Index, f: object) -> Optional[bool]:
            values = ix.values(f, path)  # distinct: a graph holds each triple once
            n = len(values)
            if (lo is not None and n < lo) or (hi is not None and n > hi):
                return DEFER
            for h in has:
                if h not in values:
                    return DEFER
            for v in values:
                for c in checks:
                    if c(ix, v) is not PASS:
                        return DEFER
            return PASS
        return fn

    def _value_checks(self, shape, with_has_value: bool = True) -> list[ValueCheck]:
        """The value-node constraints of a shape (applied to each value, or to the focus node itself)."""
        g = self.shapes
        out: list[ValueCheck] = []
        for dt in g.objects(shape, SH.datatype):
            out.append(_datatype(dt))
        for k in g.objects(shape, SH.nodeKind):
            out.append(_node_kind(k))
        for c in g.objects(shape, SH["class"]):
            out.append(_class(c))
        for lst in g.objects(shape, SH["in"]):
            out.append(_in(list(Collection(g, lst))))
        flags = self._one(shape, SH.flags)
        for pat in g.objects(shape, SH.pattern):
            out.append(_pattern(str(pat), str(flags) if flags is not None else ""))
        for b in g.objects(shape, SH.minLength):
            out.append(_length(int(b), True))
        for b in g.objects(shape, SH.maxLength):
            out.append(_length(int(b), False))
        for term, op in ((SH.minInclusive, "min_in"), (SH.maxInclusive, "max_in"),
                         (SH.minExclusive, "min_ex"), (SH.maxExclusive, "max_ex")):
            for b in g.objects(shape, term):
                out.append(_range(b, op))
        for lst in g.objects(shape, SH["or"]):
            members = [self._node_shape(m) for m in Collection(g, lst)]
            out.append(lambda ix, v, ms=members: PASS if any(m(ix, v) is PASS for m in ms) else DEFER)
        for lst in g.objects(shape, SH["and"]):
            members = [self._node_shape(m) for m in Collection(g, lst)]
            out.append(lambda ix, v, ms=members: PASS if all(m(ix, v) is PASS for m in ms) else DEFER)
        for n in g.objects(shape, SH["not"]):
            # "v does not conform to n": we can only be sure by a full verdict; leave it to pyshacl.
            raise Unsupported("sh:not")
        for n in g.objects(shape, SH.node):
            out.append(self._node_shape(n))
        if with_has_value:
            for h in g.objects(shape, SH.hasValue):
                out.append(lambda ix, v, h=from_rdflib(h): PASS if v == h else DEFER)
        return out

    def __call__(self, graph: Union[Graph, Iterable[Triple]]) -> Optional[bool]:
        """PASS if the graph (an rdflib Graph, or plain-term triples) surely conforms, else DEFER."""
        if isinstance(graph, Graph):
            graph = [(from_rdflib(s), str(p), from_rdflib(o)) for s, p, o in graph.triples((None, None, None))]
        ix = Index(graph, self._preds)
        for focus, check in self.targets:
            for f in focus(ix):
                if check(ix, f) is not PASS:
                    return DEFER
        return PASS


@lru_cache(maxsize=1)
def _checker() -> Optional[Checker]:
    from graph.rdf.validate import shapes

    try:
        return Checker(shapes())
    except Unsupported:
        return None


def check(graph: Graph, full: bool = False) -> tuple[bool, str]:
    """(conforms, report) — pyshacl's verdict on `graph`, computed fast when the graph plainly conforms.

    `full=True` always runs pyshacl (the reference; ~50x slower).
    """
    from graph.rdf.validate import validate

    checker = None if full else _checker()
    if checker is not None and checker(graph) is PASS:
        return True, ""
    return validate(graph)


def check_triples(triples: list[Triple], ntriples: str, full: bool = False) -> tuple[bool, str]:
    """`check` for an article's plain-term triples (graph.rdf.triples.article_triples); `ntriples` is
    their serialization, what pyshacl reads when the fast check is not sure (or `full`)."""
    from graph.rdf.validate import validate

    checker = None if full else _checker()
    if checker is not None and checker(triples) is PASS:
        return True, ""
    return validate(Graph().parse(data=ntriples, format="nt"))


def supported() -> bool:
    """Whether the project's shapes compile to the fast checker (else every check runs pyshacl)."""
    return _checker() is not None


def shapes_terms(shapes: Graph) -> Iterable[URIRef]:
    """The sh: predicates the shapes use (for diagnostics)."""
    return sorted({p for p in shapes.predicates() if str(p).startswith(str(SH))}, key=str)
