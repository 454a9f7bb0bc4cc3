"""A fast, conservative SHACL Core check for article graphs, with pyshacl as the judge of last resort.

pyshacl costs ~50-80 ms for one article graph (it builds a report graph, runs SPARQL per
`sh:class`, and walks every shape through its generic machinery); ingest needs a check
in ~1 ms. `Checker` compiles `ontologies/shapes.ttl` once into plain Python closures over
an index of the article's triples and answers with certainty only when *every* constraint
is plainly met. Anything else — a violation, a value it is not sure how to compare, a
shapes feature it does not implement — is handed to pyshacl, whose verdict (and report)
is final. So the answer is pyshacl's answer; only the cost differs.

Supported (the SHACL Core subset our shapes use, with their spec semantics): targets
`sh:targetClass` (with `rdfs:subClassOf*` in the data), `sh:targetNode`, `sh:targetSubjectsOf`,
`sh:targetObjectsOf`; property shapes with an IRI `sh:path`; `sh:minCount`, `sh:maxCount`,
`sh:datatype`, `sh:nodeKind`, `sh:class`, `sh:in`, `sh:hasValue`, `sh:pattern` (+ `sh:flags`),
`sh:minLength`, `sh:maxLength`, `sh:min/maxInclusive`, `sh:min/maxExclusive` (numbers),
`sh:or` / `sh:and` / `sh:not` / `sh:node` of such shapes; `sh:deactivated`. Any other `sh:`
term in the shapes makes `Checker.compile` raise `Unsupported`, and callers use pyshacl.

    >>> from graph.fastshacl import check
    >>> from rdflib import Graph
    >>> check(Graph())
    (True, '')
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable, Optional

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD

SH = Namespace("http://www.w3.org/ns/shacl#")

# Terms of the sh: namespace a shape may carry that do not constrain anything.
_INERT = {SH.name, SH.description, SH.message, SH.severity, SH.order, SH.group, SH.defaultValue,
          SH.property, SH.path, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
          SH.deactivated, SH.flags}
_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH["class"], SH["in"], SH.hasValue,
                SH.pattern, SH.minLength, SH.maxLength, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
                SH.maxExclusive, SH["or"], SH["and"], SH["not"], SH.node}

# Python types rdflib gives a well-formed literal of each datatype (what pyshacl checks too).
_PY_TYPES: dict[URIRef, tuple[type, ...]] = {
    XSD.string: (str,), RDF.langString: (str,), XSD.integer: (int,), XSD.decimal: (Decimal,),
    XSD.boolean: (bool,), XSD.date: (date,), XSD.dateTime: (datetime,), XSD.time: (time,),
    XSD.double: (float,), XSD.float: (float,),
}
# Datatypes whose well-formedness we trust rdflib's `ill_typed` flag for (lexical-space regexes).
_LEXICAL = {
    XSD.gYear: re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    XSD.gYearMonth: re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?"),
}

PASS, DEFER = True, None  # a check either surely passes, or defers the verdict to pyshacl


class Unsupported(Exception):
    """The shapes use a feature this checker does not implement (use pyshacl)."""


_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)


def key(node: object) -> str:
    """A plain-str key for a subject (rdflib terms compare slowly; `_:` marks a blank node)."""
    return "_:" + node if isinstance(node, BNode) else str(node)  # type: ignore[operator]


class Index:
    """The triples of one graph, indexed for the checks (plain-str keys, rdflib terms as values)."""

    __slots__ = ("spo", "types", "nodes", "supers", "by_pred")

    def __init__(self, graph: Graph, preds_wanted: frozenset = frozenset()) -> None:
        spo: dict[str, dict[str, list]] = {}
        types: dict[str, set[str]] = {}
        nodes: dict[str, object] = {}
        by_pred: dict[str, list[tuple[object, object]]] = {}
        sub: dict[str, set[str]] = {}
        for s, p, o in graph.triples((None, None, None)):
            ks, kp = key(s), str(p)
            if ks not in nodes:
                nodes[ks] = s
            po = spo.get(ks)
            if po is None:
                po = spo[ks] = {}
            vals = po.get(kp)
            if vals is None:
                po[kp] = [o]
            else:
                vals.append(o)
            if kp == _TYPE:
                types.setdefault(ks, set()).add(key(o))
            elif kp == _SUBCLASS:
                sub.setdefault(ks, set()).add(key(o))
            if kp in preds_wanted:
                by_pred.setdefault(kp, []).append((s, o))
        self.spo, self.types, self.nodes, self.by_pred = spo, types, nodes, by_pred
        self.supers: dict[str, set[str]] = {}
        for c in sub:  # transitive closure of rdfs:subClassOf, present in the data (rarely)
            seen: set[str] = set()
            todo = [c]
            while todo:
                for d in sub.get(todo.pop(), ()):
                    if d not in seen:
                        seen.add(d)
                        todo.append(d)
            self.supers[c] = seen

    def values(self, node: object, path: str) -> list:
        po = self.spo.get(key(node))
        return po.get(path, []) if po else []

    def is_instance(self, node: object, cls: str) -> bool:
        types = self.types.get(key(node))
        if not types:
            return False
        if cls in types:
            return True
        return any(cls in self.supers.get(t, ()) for t in types)

    def instances(self, cls: str) -> list:
        return [self.nodes[k] for k, types in self.types.items()
                if cls in types or any(cls in self.supers.get(t, ()) for t in types)]


ValueCheck = Callable[[Index, object], Optional[bool]]  # (index, value node) -> PASS | DEFER
NodeCheck = Callable[[Index, object], Optional[bool]]  # (index, focus node) -> PASS | DEFER


def _datatype(dt: URIRef) -> ValueCheck:
    is_string = dt == XSD.string
    types = _PY_TYPES.get(dt)
    if dt == XSD.integer:
        types = (int,)
    lexical = _LEXICAL.get(dt)
    no_bool = dt != XSD.boolean

    def check(ix: Index, v: object) -> Optional[bool]:
        if not isinstance(v, Literal):
            return DEFER
        vdt = v.datatype
        if vdt is None:
            return PASS if is_string and v.language is None else DEFER
        if vdt != dt or getattr(v, "ill_typed", None) is True:
            return DEFER
        if types is not None:
            value = v.value
            return PASS if isinstance(value, types) and not (no_bool and isinstance(value, bool)) else DEFER
        if lexical is not None:
            return PASS if lexical.fullmatch(str(v)) else DEFER
        return PASS  # other datatypes: the same IRI and not ill-typed (SHACL 4.2.2; pyshacl alike)
    return check


def _node_kind(kind: URIRef) -> ValueCheck:
    allowed = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
               SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
               SH.IRIOrLiteral: (URIRef, Literal)}.get(kind)
    if allowed is None:
        raise Unsupported(f"sh:nodeKind {kind}")
    return lambda ix, v: PASS if isinstance(v, allowed) else DEFER


def _class(cls: URIRef) -> ValueCheck:
    c = key(cls)
    return lambda ix, v: PASS if not isinstance(v, Literal) and ix.is_instance(v, c) else DEFER


def _in(members: list) -> ValueCheck:
    allowed = set(members)
    return lambda ix, v: PASS if v in allowed else DEFER


def _string_of(v: object) -> Optional[str]:
    if isinstance(v, BNode):
        return None
    if isinstance(v, Literal):
        if v.datatype in (None, RDF.langString, XSD.string):
            return str(v.value) if v.value is not None else str(v)
        return str(v)
    return str(v)


def _pattern(pattern: str, flags: str) -> ValueCheck:
    f = 0
    for c, bit in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if c in flags:
            f |= bit
    rx = re.compile(pattern, f)

    def check(ix: Index, v: object) -> Optional[bool]:
        s = _string_of(v)
        return PASS if s is not None and rx.search(s) else DEFER
    return check


def _length(bound: int, is_min: bool) -> ValueCheck:
    def check(ix: Index, v: object) -> Optional[bool]:
        s = _string_of(v)
        if s is None:
            return DEFER
        return PASS if (len(s) >= bound if is_min else len(s) <= bound) else DEFER
    return check


def _number(x: object) -> Optional[Decimal | int | float]:
    if isinstance(x, Literal) and getattr(x, "ill_typed", None) is not True:
        v = x.value
        if isinstance(v, (int, Decimal, float)) and not isinstance(v, bool):
            return v
    return None


def _range(bound: Literal, op: str) -> ValueCheck:
    b = _number(bound)
    if b is None:
        raise Unsupported(f"non-numeric bound {bound!r}")

    def check(ix: Index, v: object) -> Optional[bool]:
        n = _number(v)
        if n is None:
            return DEFER
        if isinstance(n, float) != isinstance(b, float):  # Decimal vs float: let pyshacl decide
            return DEFER
        ok = {"min_in": n >= b, "max_in": n <= b, "min_ex": n > b, "max_ex": n < b}[op]
        return PASS if ok else DEFER
    return check


class Checker:
    """Compiled shapes: `checker(graph)` is PASS (conforms, surely) or DEFER (ask pyshacl)."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self._compiling: set = set()
        self._node_shapes: dict = {}
        self.targets: list[tuple[Callable[[Index], list], NodeCheck]] = []
        self.preds_wanted: set[str] = set()
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
        class_keys = [key(c) for c in classes]

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
        has = list(self.shapes.objects(shape, SH.hasValue))
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
                out.append(lambda ix, v, h=h: PASS if v == h else DEFER)
        return out

    def __call__(self, graph: Graph) -> Optional[bool]:
        ix = Index(graph, frozenset(self.preds_wanted))
        for focus, check in self.targets:
            for f in focus(ix):
                if check(ix, f) is not PASS:
                    return DEFER
        return PASS


@lru_cache(maxsize=1)
def _checker() -> Optional[Checker]:
    from .validate import shapes

    try:
        return Checker(shapes())
    except Unsupported:
        return None


def check(graph: Graph, full: bool = False) -> tuple[bool, str]:
    """(conforms, report) — pyshacl's verdict on `graph`, computed fast when the graph plainly conforms.

    `full=True` always runs pyshacl (the reference; ~50x slower).
    """
    from .validate import validate

    checker = None if full else _checker()
    if checker is not None and checker(graph) is PASS:
        return True, ""
    return validate(graph)


def supported() -> bool:
    """Whether the project's shapes compile to the fast checker (else every check runs pyshacl)."""
    return _checker() is not None


def shapes_terms(shapes: Graph) -> Iterable[URIRef]:
    """The sh: predicates the shapes use (for diagnostics)."""
    return sorted({p for p in shapes.predicates() if str(p).startswith(str(SH))}, key=str)
