"""The value checks of graph.rdf.fastshacl: one closure per SHACL constraint on a value node.

Each answers PASS when the value surely meets the constraint and DEFER otherwise (pyshacl then
decides); `Unsupported` says a shape asks for something these checks do not implement. Literals
pass a datatype only in lexical forms parsed strictly here (see graph.rdf.fastshacl's docstring).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Callable, Optional, Union

from rdflib import Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import _toPythonMapping

from graph.rdf.shacl_index import Index
from graph.rdf.terms import Blank, Lit, Term, from_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")

_XSD = str(XSD)


def _parses(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def ok(lex: str) -> bool:
        try:
            parse(lex)
            return True
        except ValueError:
            return False
    return ok


# Lexical forms we vouch for, per datatype: each is well-typed for rdflib (so pyshacl agrees).
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?")
_date_ok = _parses(date.fromisoformat)
_datetime_ok = _parses(lambda x: datetime.fromisoformat(x[:-1] + "+00:00" if x.endswith("Z") else x))
_WELL_TYPED: dict[str, Callable[[str], bool]] = {
    _XSD + "integer": lambda x: _INTEGER.fullmatch(x) is not None,
    _XSD + "decimal": lambda x: _DECIMAL.fullmatch(x) is not None,
    _XSD + "boolean": lambda x: x in ("true", "false"),
    _XSD + "date": lambda x: _DATE.fullmatch(x) is not None and _date_ok(x),
    _XSD + "dateTime": lambda x: _DATETIME.fullmatch(x) is not None and _datetime_ok(x),
    # unknown to rdflib (never ill-typed there), checked all the same
    _XSD + "gYear": re.compile(r"[1-9][0-9]{3}").fullmatch,
    _XSD + "gYearMonth": re.compile(r"[1-9][0-9]{3}-(0[1-9]|1[0-2])").fullmatch,
}
_XSD_STRING, _LANG_STRING = _XSD + "string", str(RDF.langString)
_RDFLIB_KNOWN = {str(k) for k in _toPythonMapping if k is not None}

PASS, DEFER = True, None  # a check either surely passes, or defers the verdict to pyshacl


class Unsupported(Exception):
    """The shapes use a feature this checker does not implement (use pyshacl)."""


ValueCheck = Callable[["Index", object], Optional[bool]]  # (index, value node) -> PASS | DEFER
NodeCheck = Callable[["Index", object], Optional[bool]]  # (index, focus node) -> PASS | DEFER


def _datatype(dt: URIRef) -> ValueCheck:
    d = str(dt)
    well_typed = _WELL_TYPED.get(d)
    unknown_to_rdflib = d not in _RDFLIB_KNOWN

    def check(ix: Index, v: Term) -> Optional[bool]:
        if not isinstance(v, Lit):
            return DEFER
        if d == _XSD_STRING:  # a plain literal, or typed xsd:string; no language tag
            return PASS if v.lang is None and (v.dt is None or v.dt == _XSD_STRING) else DEFER
        if v.dt != d or v.lang is not None:
            return DEFER
        if well_typed is not None:
            return PASS if well_typed(v.lex) else DEFER
        return PASS if unknown_to_rdflib else DEFER  # rdflib knows it and may find it ill-typed: ask pyshacl
    return check


def _node_kind(kind: URIRef) -> ValueCheck:
    iri, blank, lit = ((lambda v: type(v) is str), (lambda v: isinstance(v, Blank)), (lambda v: isinstance(v, Lit)))
    kinds = {SH.IRI: (iri,), SH.BlankNode: (blank,), SH.Literal: (lit,), SH.BlankNodeOrIRI: (blank, iri),
             SH.BlankNodeOrLiteral: (blank, lit), SH.IRIOrLiteral: (iri, lit)}.get(kind)
    if kinds is None:
        raise Unsupported(f"sh:nodeKind {kind}")
    if kinds == (iri,):
        return lambda ix, v: PASS if type(v) is str else DEFER
    return lambda ix, v: PASS if any(k(v) for k in kinds) else DEFER


def _class(cls: URIRef) -> ValueCheck:
    c = str(cls)
    return lambda ix, v: PASS if not isinstance(v, Lit) and ix.is_instance(v, c) else DEFER


def _in(members: list) -> ValueCheck:
    allowed = {from_rdflib(m) for m in members}  # term equality (lexical form, datatype, language)
    return lambda ix, v: PASS if v in allowed else DEFER


def _string_of(v: Term) -> Optional[str]:
    if isinstance(v, Lit):
        return v.lex
    if isinstance(v, Blank):
        return None
    return v


def _pattern(pattern: str, flags: str) -> ValueCheck:
    f = 0
    for c, bit in (("i", re.I), ("m", re.M), ("s", re.S), ("x", re.X)):
        if c in flags:
            f |= bit
    rx = re.compile(pattern, f)

    def check(ix: Index, v: Term) -> Optional[bool]:
        s = _string_of(v)
        return PASS if s is not None and rx.search(s) else DEFER
    return check


def _length(bound: int, is_min: bool) -> ValueCheck:
    def check(ix: Index, v: Term) -> Optional[bool]:
        s = _string_of(v)
        if s is None:
            return DEFER
        return PASS if (len(s) >= bound if is_min else len(s) <= bound) else DEFER
    return check


def _number(x: Term) -> Optional[Union[Decimal, int]]:
    """The value of a plainly well-typed xsd:integer or xsd:decimal literal (else None: not sure)."""
    if isinstance(x, Lit) and x.lang is None:
        if x.dt == _XSD + "integer" and _INTEGER.fullmatch(x.lex):
            return int(x.lex)
        if x.dt == _XSD + "decimal" and _DECIMAL.fullmatch(x.lex):
            return Decimal(x.lex)
    return None


def _range(bound: object, op: str) -> ValueCheck:
    b = _number(from_rdflib(bound))
    if b is None:
        raise Unsupported(f"non-numeric bound {bound!r}")

    def check(ix: Index, v: Term) -> Optional[bool]:
        n = _number(v)
        if n is None:
            return DEFER
        ok = {"min_in": n >= b, "max_in": n <= b, "min_ex": n > b, "max_ex": n < b}[op]
        return PASS if ok else DEFER
    return check
