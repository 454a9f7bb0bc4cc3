"""The analysts' page on a small store of several articles (the seed and docs/data/sahel-articles.jsonl:
a raid near Mopti, a clash near Anefis, a protest in Bamako, a drone strike near Kidal), in Debian's
chromium: each view, the links between them, the detail panel, grouping, free text; every test also
fails on a console error or a request off the machine (page_browser.watch)."""
from __future__ import annotations

import shutil

import pytest
from page_browser import api, browser, watched_page  # noqa: F401 (browser: a fixture)

OCTOBER = ("2023-10-01", "2023-10-25")  # 18 events from four articles
FAMA = "actor/malian-armed-forces"
DRAWN = "() => { const m = document.querySelector('main'); return m.dataset.drawn && !m.dataset.drawing; }"


@pytest.fixture(scope="module")
def sahel(sahel_store, tmp_path_factory):
    from sparql_server import ServeProcess

    data = tmp_path_factory.mktemp("page-multi") / "data"
    shutil.copytree(sahel_store, data)
    srv = ServeProcess(data)
    yield srv
    srv.stop()


@pytest.fixture
def page(browser, sahel):  # noqa: F811
    with watched_page(browser, sahel.url) as pg:
        yield pg


def events(srv, **params) -> list[dict]:
    return api(srv, "/timeline", limit=1000, **params)["events"]


def window(day_from: str, day_to: str) -> dict:
    return {"from": day_from, "to": day_to}


def place_ids(srv, **params) -> set[str]:
    return {f["id"] for f in api(srv, "/places", limit=500, **params)["features"]}


def nodes_of(evs: list[dict]) -> set[str]:
    return {a["id"] for e in evs for a in e["actors"]} | {e["place"]["id"] for e in evs if e["place"]}


def settle(page) -> None:
    page.wait_for_function(DRAWN)


def item_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-testid=timeline] [data-event-id]", "els => els.map(e => e.dataset.eventId)"))


def drawn_places(page) -> set[str]:
    return set(page.eval_on_selector_all("[data-testid=map] [data-place-id], .unplaced [data-place-id]",
                                         "els => els.map(e => e.dataset.placeId)"))


def graph_nodes(page) -> int:
    return int(page.get_by_test_id("graph").get_attribute("data-count"))


def wait_views(page, evs: list[dict], places: set[str]) -> None:
    """The timeline shows exactly `evs`, the map exactly `places`, the network the actors and places of `evs`."""
    want = {e["id"] for e in evs}
    page.wait_for_function(
        "([n, p, g]) => document.querySelectorAll('[data-testid=timeline] [data-event-id]').length === n && "
        "document.querySelectorAll('[data-testid=map] [data-place-id], .unplaced [data-place-id]').length === p && "
        "document.querySelector('[data-testid=graph]').dataset.count === String(g)",
        arg=[len(want), len(places), len(nodes_of(evs))])
    settle(page)
    assert item_ids(page) == want
    assert drawn_places(page) == places
    assert graph_nodes(page) == len(nodes_of(evs))


def open_window(page, day_from: str, day_to: str) -> None:
    page.goto("/")
    settle(page)
    page.fill("[name=from]", day_from)
    page.fill("[name=to]", day_to)
    page.locator("[name=to]").dispatch_event("change")


def test_each_view_shows_the_window_of_several_articles(page, sahel):
    open_window(page, *OCTOBER)
    evs = events(sahel, **window(*OCTOBER))
    assert len({e["article"]["id"] for e in evs}) >= 4
    wait_views(page, evs, place_ids(sahel, **window(*OCTOBER)))
    # located places as markers, the one the gazetteer could not place listed under the map
    located = {f["id"] for f in api(sahel, "/places", **window(*OCTOBER))["features"] if f["geometry"]}
    assert page.locator("[data-testid=map] path.place-marker").count() == len(located) < len(drawn_places(page))


def test_a_click_on_a_node_filters_the_timeline_and_the_map(page, sahel):
    open_window(page, "2023-09-01", "2023-11-30")
    page.wait_for_function("() => document.querySelector('[data-testid=graph]').dataset.layout === 'done'", timeout=30000)
    settle(page)
    graph = page.get_by_test_id("graph")
    box = graph.bounding_box()
    at = page.evaluate("id => document.querySelector('[data-testid=graph]').nodePosition(id)", FAMA)
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_function("() => document.querySelector('[name=actor]').value === 'Malian Armed Forces'")
    span = window("2023-09-01", "2023-11-30")
    mine = events(sahel, actor=FAMA, **span)
    places = place_ids(sahel, actor=FAMA, **span)
    assert places < place_ids(sahel, **span)  # the map really narrowed
    wait_views(page, mine, places)


def test_a_click_on_a_place_filters_the_timeline_and_the_network(page, sahel):
    open_window(page, *OCTOBER)
    anefis = next(f for f in api(sahel, "/places", **window(*OCTOBER))["features"]
                  if f["properties"]["label"] == "Anefis")["id"]
    page.locator(f'[data-testid=map] [data-place-id="{anefis}"]').click()
    assert page.input_value("[name=place]") == "Anefis"
    there = events(sahel, place=anefis, **window(*OCTOBER))
    assert 0 < len(there) < len(events(sahel, **window(*OCTOBER)))
    want = {e["id"] for e in there}
    page.wait_for_function("n => document.querySelectorAll('[data-testid=timeline] [data-event-id]').length === n",
                           arg=len(want))
    page.wait_for_function("n => document.querySelector('[data-testid=graph]').dataset.count === String(n)",
                           arg=len(nodes_of(there)))
    settle(page)
    assert item_ids(page) == want
    # the chosen place stands out on the map
    assert page.locator(f'[data-testid=map] [data-place-id="{anefis}"]').get_attribute("stroke-width") == "3"


def test_brushing_the_timeline_moves_the_map_and_the_network(page, sahel):
    wide = ("2023-09-01", "2023-11-30")
    open_window(page, *wide)
    settle(page)
    box = page.get_by_test_id("timeline").bounding_box()
    everything = len(events(sahel, **window(*wide)))
    for _ in range(4):  # zoom in around mid-October until the window holds fewer events
        before = (page.input_value("[name=from]"), page.input_value("[name=to]"))
        page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + 150)
        page.mouse.wheel(0, -800)
        page.wait_for_function("b => document.querySelector('[name=from]').value !== b[0] || "
                               "document.querySelector('[name=to]').value !== b[1]", arg=list(before))
        page.wait_for_timeout(300)  # vis-timeline's wheel zoom may end in a second range change
        settle(page)
        start, end = page.input_value("[name=from]"), page.input_value("[name=to]")
        evs = events(sahel, **window(start, end))
        if 0 < len(evs) < everything:
            break
    assert wide[0] <= start < end <= wide[1]
    assert 0 < len(evs) < everything
    wait_views(page, evs, place_ids(sahel, **window(start, end)))


def labels_inside(page, nodes: int) -> None:
    """Every node's label is drawn inside the network's panel once its layout has ended: sigma draws
    labels right of their nodes, and the right-most node sits at the panel's edge after its layout is
    stretched to the panel (as few nodes are, after free text narrows them), so they ran past it."""
    page.wait_for_function("() => document.querySelector('[data-testid=graph]').dataset.layout === 'done'", timeout=30000)
    settle(page)
    graph = page.get_by_test_id("graph")
    width = graph.evaluate("el => el.clientWidth")
    boxes = graph.evaluate("el => el.labelBoxes()")
    assert len(boxes) == nodes, boxes
    clipped = {k: b for k, b in boxes.items() if b["x"] < 0 or b["x"] + b["width"] > width}
    assert not clipped, (width, clipped)


def test_free_text_narrows_the_map_and_the_network_too(page, sahel):
    open_window(page, *OCTOBER)
    settle(page)
    labels_inside(page, len(nodes_of(events(sahel, **window(*OCTOBER)))))
    for text in ("anefis", "mali"):
        page.fill("[name=text]", text)
        evs = events(sahel, q=text, **window(*OCTOBER))  # the server matches the text (q=)
        assert 0 < len(evs) < 18
        wait_views(page, evs, place_ids(sahel, q=text, **window(*OCTOBER)))
        assert page.inner_text("#status") == f'{len(evs)} events matching "{text}"'
        labels_inside(page, len(nodes_of(evs)))
    page.fill("[name=text]", "")
    wait_views(page, events(sahel, **window(*OCTOBER)), place_ids(sahel, **window(*OCTOBER)))


def test_the_detail_panel_shows_the_sentence_of_another_article(page, sahel):
    open_window(page, *OCTOBER)
    clash = next(e for e in events(sahel, **window(*OCTOBER)) if e["label"].startswith("Malian Armed Forces clash"))  # "... with <target>" when one is found
    page.locator(f'[data-testid=timeline] [data-event-id="{clash["id"]}"]').click()
    detail = page.get_by_test_id("event-detail")
    detail.locator(".sentence").wait_for()
    assert detail.locator("mark.trigger").inner_text() == "clashed"
    assert "The Malian Armed Forces clashed with the Permanent Strategic Framework near Anefis" in \
        detail.locator(".sentence").inner_text()
    text = detail.inner_text()
    for expected in ("Army and rebels clash near Anefis", "Sahel Wire", "Anefis", "Malian Armed Forces", "190"):
        assert expected in text, expected


def lanes(page) -> list[tuple[str, set[str]]]:
    """The timeline's lanes, top to bottom: (label, the event ids of its items)."""
    return page.evaluate("""() => {
      const labels = [...document.querySelectorAll('[data-testid=timeline] .vis-labelset .vis-label')];
      const rows = [...document.querySelectorAll('[data-testid=timeline] .vis-foreground .vis-group')];
      return labels.map((l, i) => [l.textContent.trim(),
        [...rows[i].querySelectorAll('[data-event-id]')].map((e) => e.dataset.eventId)]);
    }""")


def test_grouping_the_timeline_by_actor_and_by_place(page, sahel):
    open_window(page, *OCTOBER)
    evs = events(sahel, **window(*OCTOBER))
    wait_views(page, evs, place_ids(sahel, **window(*OCTOBER)))
    page.get_by_test_id("timeline-group").select_option("actor")
    page.wait_for_selector("[data-testid=timeline] .vis-labelset .vis-label")
    settle(page)
    got = {label: set(ids) for label, ids in lanes(page)}
    want: dict[str, set[str]] = {}
    for e in evs:
        for a in e["actors"] or [{"label": "no actor named"}]:
            want.setdefault(a["label"], set()).add(e["id"])
    assert got == want and len(got) >= 3
    assert lanes(page)[-1][0] == "no actor named"
    # grouped, the filters still apply and an item still opens by keyboard
    page.select_option("[name=type]", "19")
    page.wait_for_function("() => document.querySelector('[data-testid=timeline]').dataset.count === String("
                           f"{len(events(sahel, type='19', **window(*OCTOBER)))})")
    settle(page)
    assert {i for _, ids in lanes(page) for i in ids} == {e["id"] for e in events(sahel, type="19", **window(*OCTOBER))}
    first = page.locator("[data-testid=timeline] [data-event-id]").first
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("id => document.querySelector('[data-testid=event-detail]').dataset.eventId === id",
                           arg=first.get_attribute("data-event-id"))
    # by place; then back to one lane
    page.get_by_test_id("timeline-group").select_option("place")
    settle(page)
    typed = events(sahel, type="19", **window(*OCTOBER))
    want = {}
    for e in typed:
        want.setdefault(e["place"]["label"] if e["place"] else "no place named", set()).add(e["id"])
    assert {label: set(ids) for label, ids in lanes(page)} == want
    page.get_by_test_id("timeline-group").select_option("")
    settle(page)
    assert [label for label, _ in lanes(page)] in ([], [""])  # vis-timeline's one unnamed lane
    assert item_ids(page) == {e["id"] for e in typed}
