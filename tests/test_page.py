"""The analysts' page at `/`: served by `tkg serve`, offline, and working in a real browser.

The bundle under api/static/ is what `npm run build` makes from web/ (checked byte for byte);
the browser tests run Debian's chromium through Playwright on the seed store.
"""
from __future__ import annotations

import subprocess

import httpx
import pytest
from conftest import ROOT
from page_browser import browser, watch  # noqa: F401 (browser: the shared fixture)

STATIC = ROOT / "api" / "static"
MINUSMA_LABEL = "MINUSMA leave its camp"  # the seed's event of 31 October (its id: minusma_event)


# --- served files ---

def test_root_serves_the_page_and_its_bundle(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'data-testid="timeline"' in r.text and "/static/app.js" in r.text
    for name, media in (("app.js", "javascript"), ("app.css", "text/css")):
        got = client.get(f"/static/{name}")
        assert got.status_code == 200 and media in got.headers["content-type"], name
        assert got.content == (STATIC / name).read_bytes()
    assert client.head("/").status_code == 200


@pytest.mark.parametrize("path", ["/static/nothing.js", "/static/../routers/page.py", "/static/%2e%2e/app.py"])
def test_missing_or_outside_static_files_are_a_json_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"] == "not found"


def test_committed_bundle_is_what_the_source_builds(tmp_path):
    if not (ROOT / "node_modules" / "esbuild").is_dir():
        pytest.fail("node_modules is missing: run `npm ci` (README command (b))")
    proc = subprocess.run(["node", str(ROOT / "web" / "build.mjs"), "--outdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    built = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in STATIC.iterdir()}
    assert sorted(built) == sorted(committed)
    stale = [name for name in built if built[name] != committed[name]]
    assert not stale, f"api/static is not what web/ builds: {stale}; run `npm run build` and commit"


def test_the_pages_first_requests_are_answered_at_start(store_copy):
    """api/landing.py asks the app, once it has started, for exactly what the page asks first, so the
    response cache holds it when the first visitor comes (seconds saved on a 1M-quad store)."""
    import re
    import time

    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.landing import LANDING
    from graph.store.embedded import Store

    src = ROOT / "web" / "src"
    page = re.search(r"^export const PAGE = (\d+);", (src / "state.js").read_text(), re.M).group(1)
    on_map = re.search(r"^const PAGE = (\d+);", (src / "map.js").read_text(), re.M).group(1)
    assert LANDING == (f"/api/v1/timeline?limit={page}&offset=0&compact=true", f"/api/v1/places?limit={on_map}")
    store = Store(store_copy)
    try:
        app = create_app(store)
        with TestClient(app) as c:
            cache = app.state.response_cache
            deadline = time.monotonic() + 60
            while len(cache.entries) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert sorted(key[0] for key in cache.entries) == ["places", "timeline"]
            assert c.get(LANDING[0]).json()["limit"] == int(page)
    finally:
        store.close()


# --- in the browser ---

@pytest.fixture
def page(browser, server):  # noqa: F811 (the fixture imported above)
    context = browser.new_context(viewport={"width": 1400, "height": 960}, base_url=server.url)
    pg = context.new_page()
    pg.watch = watch(pg)
    yield pg
    context.close()
    pg.watch.check()


def minusma_event(server) -> str:
    """The REST id of the seed's "MINUSMA leave its camp" (ids number events in extraction order)."""
    events = httpx.get(server.url + "/api/v1/timeline", params={"from": "2023-10-31", "to": "2023-10-31"}).json()["events"]
    return next(e["id"] for e in events if e["label"] == MINUSMA_LABEL)


def timeline_ids(server, **params) -> set[str]:
    events = httpx.get(server.url + "/api/v1/timeline", params={"limit": 1000, **params}).json()["events"]
    return {e["id"] for e in events}


def open_page(page, path: str = "/"):
    page.goto(path)
    page.locator("[data-testid=timeline] [data-event-id]").first.wait_for()
    return page


def item_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-testid=timeline] [data-event-id]",
                                         "els => els.map(e => e.dataset.eventId)"))


def test_timeline_shows_one_item_per_event(page, server):
    open_page(page)
    assert item_ids(page) == timeline_ids(server)
    # dated only by the article: marked as such (hatched), and only those
    article_dated = set(page.eval_on_selector_all(".vis-item.ev-article [data-event-id]",
                                                  "els => els.map(e => e.dataset.eventId)"))
    events = httpx.get(server.url + "/api/v1/timeline", params={"limit": 1000}).json()["events"]
    assert article_dated == {e["id"] for e in events if e["time_source"] == "article"} != set()


def zoom_to(page, day_from: str, day_to: str) -> None:
    page.fill("[name=from]", day_from)
    page.fill("[name=to]", day_to)
    page.locator("[name=to]").dispatch_event("change")


def test_clicking_an_item_shows_the_event_with_its_sentence(page, server):
    open_page(page)
    zoom_to(page, "2023-10-30", "2023-11-01")
    item = page.locator(f'[data-testid=timeline] [data-event-id="{minusma_event(server)}"]')
    item.click()
    detail = page.get_by_test_id("event-detail")
    sentence = "When MINUSMA left its camp in Kidal on October 31, the rebels immediately seized control."
    page.wait_for_function("s => document.querySelector('[data-testid=event-detail] .sentence')?.textContent === s",
                           arg=sentence)
    assert detail.locator("mark.trigger").inner_text() == "left"
    text = detail.inner_text()
    for expected in (MINUSMA_LABEL, "0874", "Retreat or surrender militarily", "2023-10-31",
                     "precision: day", "Kidal", "agent", "Mali junta seizes rebel stronghold of Kidal"):
        assert expected in text, expected


def test_keyboard_reaches_an_item_opens_it_and_filters_from_the_detail(page, server):
    open_page(page)
    zoom_to(page, "2023-10-30", "2023-11-01")  # where the items name actors and places
    page.wait_for_function("() => document.querySelectorAll('[data-testid=timeline] [data-event-id]').length < 10")
    page.focus("[name=to]")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.eventId"):
            break
    else:
        pytest.fail("Tab never reached a timeline item")
    focused = page.evaluate("document.activeElement.dataset.eventId")
    page.keyboard.press("Enter")
    page.wait_for_function("id => document.activeElement.dataset.eventId === id && "
                           "document.activeElement.dataset.testid === 'event-detail'", arg=focused)
    # Tab on into the panel: its first button is an actor or a place; Enter filters the timeline to it
    page.keyboard.press("Tab")
    label = page.evaluate("document.activeElement.closest('[data-testid=event-detail]') && "
                          "document.activeElement.textContent")
    assert label, "Tab did not move into the detail panel"
    page.keyboard.press("Enter")
    kind = "actor" if page.input_value("[name=actor]") == label else "place"
    assert page.input_value(f"[name={kind}]") == label
    ev = httpx.get(server.url + f"/api/v1/events/{focused}").json()
    ref = next(a["id"] for a in ev["actors"] if a["label"] == label) if kind == "actor" else ev["place"]["id"]
    want = timeline_ids(server, **{kind: ref, "from": "2023-10-30", "to": "2023-11-01"})
    page.wait_for_function("n => document.querySelectorAll('[data-testid=timeline] [data-event-id]').length === n",
                           arg=len(want))
    assert item_ids(page) == want
    # Escape in the panel goes back to the item
    page.get_by_test_id("event-detail").focus()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.eventId") == focused


def places(server, **params) -> list[dict]:
    return httpx.get(server.url + "/api/v1/places", params={"limit": 500, **params}).json()["features"]


def wait_items(page, want: set[str]) -> None:
    page.wait_for_function("n => document.querySelectorAll('[data-testid=timeline] [data-event-id]').length === n",
                           arg=len(want))
    assert item_ids(page) == want


def test_map_shows_the_places_and_a_click_filters_to_one(page, server):
    open_page(page)
    page.wait_for_selector("[data-testid=map] path.place-marker")
    drawn = set(page.eval_on_selector_all("[data-testid=map] [data-place-id], .unplaced [data-place-id]",
                                          "els => els.map(e => e.dataset.placeId)"))
    located = {f["id"] for f in places(server) if f["geometry"]}
    assert drawn == {f["id"] for f in places(server)} and len(located) > 3
    assert page.locator("[data-testid=map] path.place-marker").count() == len(located)
    # the basemap: Natural Earth countries drawn locally (Mali among them), not tiles
    assert page.locator("[data-testid=map] path.leaflet-interactive, [data-testid=map] path").count() > 100
    assert page.locator("[data-testid=map] img.leaflet-tile").count() == 0
    # marker areas follow event counts
    sizes = {f["id"]: f["properties"]["events"] for f in places(server)}
    big, small = max(sizes, key=sizes.get), min(sizes, key=sizes.get)
    width = lambda pid: page.locator(f'[data-place-id="{pid}"]').bounding_box()["width"]  # noqa: E731
    assert width(big) > width(small)
    page.locator('[data-place-id="place/2460596"]').click()  # Bamako
    assert page.input_value("[name=place]") == "Bamako"
    wait_items(page, timeline_ids(server, place="place/2460596"))


def test_network_draws_actors_and_places_and_a_click_filters_to_one(page, server):
    open_page(page)
    graph = page.get_by_test_id("graph")
    page.wait_for_function("() => document.querySelector('[data-testid=graph]').dataset.layout === 'done'",
                           timeout=20000)
    events = httpx.get(server.url + "/api/v1/timeline", params={"limit": 500}).json()["events"]
    nodes = {a["id"] for e in events for a in e["actors"]} | {e["place"]["id"] for e in events if e["place"]}
    assert graph.get_attribute("data-count") == str(len(nodes))
    assert graph.locator("canvas").count() >= 2
    # a real click on the drawn node (sigma picks it from the WebGL canvas)
    actor = "actor/malian-armed-forces"
    box = graph.bounding_box()
    at = page.evaluate("id => document.querySelector('[data-testid=graph]').nodePosition(id)", actor)
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_function("() => document.querySelector('[name=actor]').value === 'Malian Armed Forces'")
    wait_items(page, timeline_ids(server, actor=actor))
    # the detail panel works on the filtered timeline (test_page_multi.py: the map and network follow too)
    page.locator("[data-testid=timeline] [data-event-id]").first.click()
    page.wait_for_selector("[data-testid=event-detail] .sentence")
    assert "Malian Armed Forces" in page.get_by_test_id("event-detail").inner_text()


def test_zooming_the_timeline_sets_the_window_of_the_other_views(page, server):
    open_page(page)
    page.wait_for_selector("[data-testid=map] path.place-marker")
    box = page.get_by_test_id("timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + 150)
    page.mouse.wheel(0, -600)
    page.wait_for_function("() => document.querySelector('[name=from]').value !== ''")
    start, end = page.input_value("[name=from]"), page.input_value("[name=to]")
    assert "2012" < start < end
    asked = lambda path: any(path in u and f"from={start}" in u and f"to={end}" in u for u in page.watch.requests)  # noqa: E731
    page.wait_for_function("() => document.querySelectorAll('[data-testid=map] [data-place-id]').length > 0")
    # the timeline asks for the window's counts first, then its page: wait for the round the zoom began
    # (marked as drawing in the same task that set the window), not only for the map's markers
    page.wait_for_function(DRAWN)
    for path in ("/api/v1/places?", "/api/v1/timeline?"):
        assert asked(path), (path, page.watch.requests)
    drawn = set(page.eval_on_selector_all("[data-testid=map] [data-place-id]", "els => els.map(e => e.dataset.placeId)"))
    drawn |= set(page.eval_on_selector_all(".unplaced [data-place-id]", "els => els.map(e => e.dataset.placeId)"))
    assert drawn == {f["id"] for f in places(server, **{"from": start, "to": end})}


KIDAL_QUERY = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?date ?event WHERE {
  ?e sem:hasPlace/rdfs:label "Kidal" ; sem:hasTimeStamp ?date ; rdfs:label ?event .
} ORDER BY ?date ?event"""


def test_sparql_tab_opens_the_editor_on_the_query_in_the_url_and_runs_it(page, server):
    from urllib.parse import quote

    page.goto(f"/?tab=sparql&query={quote(KIDAL_QUERY)}")
    editor = page.get_by_test_id("sparql-editor")
    editor.locator(".CodeMirror").wait_for()
    assert page.evaluate("document.querySelector('[data-testid=sparql-editor] .CodeMirror').CodeMirror.getValue()") \
        == KIDAL_QUERY
    assert page.get_by_test_id("timeline").is_hidden()
    page.get_by_test_id("sparql-run").click()
    rows = page.get_by_test_id("sparql-results").locator("table tbody tr")
    rows.first.wait_for()
    want = httpx.post(server.url + "/sparql", data={"query": KIDAL_QUERY},
                      headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    assert len(want) > 5 and rows.count() == len(want)
    assert "Malian Armed Forces seize Kidal" in page.get_by_test_id("sparql-results").inner_text()
    assert any(u.startswith(server.url + "/sparql") for u in page.watch.requests)
    # the Explore tab is made when first shown, on the same page
    page.click("#tab-explore")
    page.locator("[data-testid=timeline] [data-event-id]").first.wait_for()
    assert page.url.rstrip("/") == server.url


def test_shared_filters_type_text_actor_and_dates(page, server):
    open_page(page)
    page.select_option("[name=type]", "19")
    wait_items(page, timeline_ids(server, type="19"))
    # free text: matched by the server (q=) over labels (event, trigger, actors, place), with the type
    page.fill("[name=text]", "kidal")
    hits = timeline_ids(server, type="19", q="kidal")
    assert 0 < len(hits) < len(timeline_ids(server, type="19"))
    wait_items(page, hits)
    page.fill("[name=text]", "")
    page.select_option("[name=type]", "")
    # an actor typed in the filter: the API's actor search offers it, choosing it filters
    page.fill("[name=actor]", "Tuareg")
    page.wait_for_selector("#actor-options option[value='Tuareg rebels']", state="attached")
    page.fill("[name=actor]", "Tuareg rebels")
    wait_items(page, timeline_ids(server, actor="actor/tuareg-rebels"))
    page.click("button[type=reset]")
    wait_items(page, timeline_ids(server))
    zoom_to(page, "2023-07-01", "2023-08-31")
    wait_items(page, timeline_ids(server, **{"from": "2023-07-01", "to": "2023-08-31"}))
    # every list the page asked for came in pages (limit), never all at once; counts are one row a month
    lists = [u for u in page.watch.requests if any(p in u for p in ("/timeline?", "/places?", "/actors?"))]
    assert lists and all("limit=" in u for u in lists), lists
    assert all("by=" in u for u in page.watch.requests if "/timeline/counts" in u)


def test_screenshot_of_the_page_on_the_seed(page, server, tmp_path):
    """What README shows. Written to docs/page.png when TKG_UPDATE_SCREENSHOT=1 (pixels vary from run
    to run with the layout, so a plain test run leaves the committed picture alone)."""
    import os

    open_page(page)
    page.wait_for_function("() => document.querySelector('[data-testid=graph]').dataset.layout === 'done'",
                           timeout=20000)
    page.wait_for_selector("[data-testid=map] path.place-marker")
    zoom_to(page, "2023-10-20", "2023-11-20")
    item = page.locator(f'[data-testid=timeline] [data-event-id="{minusma_event(server)}"]')
    item.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=event-detail] mark.trigger")
    page.wait_for_function("() => document.querySelector('[data-testid=graph]').dataset.layout === 'done'",
                           timeout=20000)
    out = ROOT / "docs" / "page.png" if os.environ.get("TKG_UPDATE_SCREENSHOT") == "1" else tmp_path / "page.png"
    page.screenshot(path=str(out), full_page=True)
    head = out.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    assert width >= 1200 and height >= 800


DRAWN = "() => { const m = document.querySelector('main'); return m.dataset.drawn && !m.dataset.drawing; }"


def test_main_says_when_every_view_has_drawn_and_views_share_the_first_page(page, server):
    """`<main data-drawn>` (bench/page.py times redraws by it) comes only once all views have drawn."""
    page.goto("/")
    page.wait_for_function(DRAWN)
    # read at once, no further waiting: each view must already be there
    assert item_ids(page) == timeline_ids(server)
    assert page.locator("[data-testid=map] path.place-marker").count() == len(
        [f for f in places(server) if f["geometry"]])
    assert int(page.get_by_test_id("graph").get_attribute("data-count")) > 1
    # the timeline and the network asked for the same first page (the server computes it once)
    assert len({u for u in page.watch.requests if "/api/v1/timeline?" in u}) == 1, page.watch.requests
    before = page.locator("main").get_attribute("data-drawn")
    asked = len(page.watch.requests)
    page.select_option("[name=type]", "19")
    page.wait_for_function(f"() => document.querySelector('main').dataset.drawn !== '{before}' && ({DRAWN})()")
    assert item_ids(page) == timeline_ids(server, type="19")
    # the timeline and the network follow the type with one request (the network draws the timeline's page);
    # the map asks for the places of that type
    assert sorted(u for u in page.watch.requests[asked:] if "/api/v1/" in u) == [
        f"{server.url}/api/v1/places?type=19&limit=500", f"{server.url}/api/v1/timeline?type=19&limit=50&offset=0&compact=true"]
    page.fill("[name=text]", "kidal")
    page.click("button[type=reset]")  # Clear: the filters and their fields
    page.wait_for_function(DRAWN)
    assert item_ids(page) == timeline_ids(server)
    assert page.input_value("[name=type]") == "" and page.input_value("[name=text]") == ""
