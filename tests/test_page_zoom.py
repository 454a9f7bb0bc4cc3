"""The timeline zoomed out (#14 item 3): a window holding more events than two pages is drawn as bars of
the store's kept counts per month or day (/timeline/counts), without asking for a page of its events;
a bar (mouse or keyboard) zooms in to its period, where the events are listed again. Free text is
matched by the server (q=) in every view. In Debian's chromium, on the seed replicated four times
under new article keys and dates (bench/scale.py's replication, written with the time index)."""
from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from page_browser import api, browser, watched_page  # noqa: F401 (browser: a fixture)

DRAWN = "() => { const m = document.querySelector('main'); return m.dataset.drawn && !m.dataset.drawing; }"
COPIES = 4


@pytest.fixture(scope="module")
def replicated(seed_store, tmp_path_factory):
    from sparql_server import ServeProcess

    sys.path.insert(0, str(ROOT / "bench"))
    from scale import replicate, templates

    from graph.ids import ENTITIES_GRAPH
    from graph.store.embedded import Store

    data = tmp_path_factory.mktemp("page-zoom") / "data"
    tpls, entities = templates(seed_store)
    store = Store(data)
    try:
        store.put_articles([(ENTITIES_GRAPH, entities, "")])
        store.put_articles(replicate(tpls, 0, COPIES))
        store.flush()
    finally:
        store.close()
    srv = ServeProcess(data)
    yield srv
    srv.stop()


@pytest.fixture
def page(browser, replicated):  # noqa: F811
    with watched_page(browser, replicated.url) as pg:
        yield pg


def bars(page) -> dict[str, int]:
    return {b["period"]: int(b["events"]) for b in page.eval_on_selector_all(
        "[data-testid=timeline] [data-period]", "els => els.map(e => ({period: e.dataset.period, events: e.dataset.events}))")}


def item_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-testid=timeline] [data-event-id]", "els => els.map(e => e.dataset.eventId)"))


def settle(page) -> None:
    page.wait_for_function(DRAWN)


def open_page(page) -> None:
    page.goto("/")
    settle(page)


def test_zoomed_out_the_timeline_draws_counts_not_events(page, replicated):
    counts = api(replicated, "/timeline/counts", by="month")
    assert counts["events"] > 200, "the store must hold more than two pages of events"
    open_page(page)
    timeline = page.get_by_test_id("timeline")
    assert timeline.get_attribute("data-mode") == "counts"
    assert bars(page) == {p["period"]: p["events"] for p in counts["periods"] if p["events"]}
    assert item_ids(page) == set()
    # heights follow the counts
    height = lambda period: page.locator(f'[data-period="{period}"]').bounding_box()["height"]  # noqa: E731
    ranked = sorted(bars(page).items(), key=lambda kv: kv[1])
    assert height(ranked[-1][0]) > height(ranked[0][0])
    assert f"{counts['events']:,} events in this window, counted per month" in page.inner_text("#status")
    # no page of events was asked for; the network says why it is empty
    api_calls = [u for u in page.watch.requests if "/api/v1/" in u]
    assert not [u for u in api_calls if "/api/v1/timeline?" in u], api_calls
    assert any("/api/v1/timeline/counts?by=month" in u for u in api_calls)
    assert page.locator(".graph-hint").is_visible()
    assert page.get_by_test_id("graph").get_attribute("data-count") == "0"


def busiest(page) -> str:
    return max(bars(page).items(), key=lambda kv: kv[1])[0]


def month_days(period: str) -> tuple[str, str]:
    import calendar

    y, m = int(period[:4]), int(period[5:7])
    return f"{period}-01", f"{period}-{calendar.monthrange(y, m)[1]:02d}"


def test_a_bar_zooms_in_to_its_events_by_mouse_or_keyboard(page, replicated):
    open_page(page)
    month = busiest(page)
    first, last = month_days(month)
    # a mouse click on the bar
    box = page.locator(f'[data-period="{month}"]').bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("d => document.querySelector('[name=from]').value === d", arg=first)
    assert page.input_value("[name=to]") == last
    settle(page)
    want = {e["id"] for e in api(replicated, "/timeline", limit=1000, **{"from": first, "to": last})["events"]}
    assert 0 < len(want) <= 100
    assert page.get_by_test_id("timeline").get_attribute("data-mode") == "events"
    assert item_ids(page) == want
    assert page.locator(".graph-hint").is_hidden()
    assert int(page.get_by_test_id("graph").get_attribute("data-count")) > 1
    # Clear: the whole store, counted again; then the keyboard: Tab to a bar, Enter zooms in
    page.click("button[type=reset]")
    page.wait_for_function("() => document.querySelector('[data-testid=timeline]').dataset.mode === 'counts'")
    settle(page)
    other = sorted(bars(page))[0]
    page.locator(f'[data-period="{other}"]').focus()
    page.keyboard.press("Enter")
    first, last = month_days(other)
    page.wait_for_function("d => document.querySelector('[name=from]').value === d", arg=first)
    settle(page)
    want = {e["id"] for e in api(replicated, "/timeline", limit=1000, **{"from": first, "to": last})["events"]}
    assert item_ids(page) == want


def test_free_text_is_matched_by_the_server_in_every_view(page, replicated):
    open_page(page)
    page.fill("[name=text]", "Kidal")
    page.wait_for_function("() => document.querySelector('[data-testid=timeline]').dataset.mode === 'events'")
    settle(page)
    every = api(replicated, "/timeline", limit=1000, q="kidal")["events"]
    assert len(every) > 50  # more than a filtered page: the timeline lists the first 50, in time order
    evs = every[:50]
    assert item_ids(page) == {e["id"] for e in evs}
    assert len({e["article"]["id"] for e in every}) == COPIES  # matched over the whole store, not one page
    places = {f["id"] for f in api(replicated, "/places", limit=500, q="kidal")["features"]}
    drawn = set(page.eval_on_selector_all("[data-testid=map] [data-place-id], .unplaced [data-place-id]",
                                          "els => els.map(e => e.dataset.placeId)"))
    assert drawn == places
    nodes = {a["id"] for e in evs for a in e["actors"]} | {e["place"]["id"] for e in evs if e["place"]}
    assert page.get_by_test_id("graph").get_attribute("data-count") == str(len(nodes))
    asked = [u for u in page.watch.requests if "q=Kidal" in u]
    assert any("/api/v1/timeline?" in u for u in asked) and any("/api/v1/places?" in u for u in asked), asked
    assert page.inner_text("#status").startswith(f'{len(evs)} events matching "Kidal" (more in this window)')
