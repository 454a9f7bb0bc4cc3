"""The analyst's toolbox on a real store beside a real `tkg serve`: graph.open(...) DataFrames and graphs, the
ACLED-style table from the CLI and REST (read back with pandas: columns, order, types, the seed's Kidal rows),
GeoJSON events read by GDAL (what QGIS uses), and pandas kept out of the server's start-up."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import ROOT, run_tkg
from sparql_server import ServeProcess

import graph
from graph.export.acled import COLUMNS

ACLED_31 = ("event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, "
            "assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, "
            "country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, "
            "notes, fatalities, tags, timestamp").split(", ")


@pytest.fixture(scope="module")
def served(sahel_store, tmp_path_factory):
    data = tmp_path_factory.mktemp("toolbox") / "data"
    shutil.copytree(sahel_store, data)
    srv = ServeProcess(data)
    yield srv, data
    srv.stop()


def test_importing_graph_and_the_server_loads_no_pandas():
    code = "import sys, graph, graph.cli, api.app; assert 'pandas' not in sys.modules, 'pandas loaded'; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_open_beside_a_running_server(served):
    srv, data = served
    with graph.open(data) as kg:
        ev = kg.events()
        assert len(ev) > 100 and ev["event_date"].dtype.kind == "M" and ev["fatalities"].dtype == "int64"
        kidal = kg.events(place="Kidal")
        assert len(kidal) > 5 and set(kidal["location"]) == {"Kidal"}
        assert len(kg.events(place="place/2455290")) == len(kidal)  # an id or a whole name
        fights = kg.events(type="19", start="2023-10", end="2023-11")
        assert len(fights) and fights["type"].str.startswith("19").all()
        assert fights["event_date"].between("2023-10-01", "2023-11-30").all()
        army = kg.events(actor="Malian Armed Forces", start=pd.Timestamp("2023-11-14").date())
        roles = army["agent_ids"].fillna("") + " " + army["target_ids"].fillna("") + " " + army["participant_ids"].fillna("")
        assert len(army) and roles.str.contains("actor/malian-armed-forces").all()
        assert len(kg.events(text="drone strike")) >= 1
        inside = kg.events(bbox=(0.5, 17.5, 2.5, 19.5))  # around Kidal
        assert len(inside) and inside["latitude"].between(17.5, 19.5).all()
        raid = ev[ev["notes"].fillna("").str.contains("Djibo Kanda")]
        assert raid["fatalities"].sum() == 12  # "killing at least 12 people", counted once
        g = kg.graph(start="2023-10-01", end="2023-11-30")
        assert "place/2455290" in g and g.number_of_edges() > 5
        sub = kg.graph(actor="Malian Armed Forces")
        assert 0 < sub.number_of_edges() < kg.graph().number_of_edges()
        n = kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }")
        assert int(n["n"][0]) == len(ev)
        assert "actor/malian-armed-forces" in set(kg.actors(q="malian")["id"])
        places = kg.places(geo=True)
        assert places.crs.to_epsg() == 4326 and "Kidal" in set(places["label"])
        held = kg.states(place="Kidal", relation="controls", at="2023-11-20")
        assert "Malian Armed Forces" in {h["label"] for h in held["holder"]}
        with pytest.raises(ValueError):
            kg.events(start="November")
        with pytest.raises(ValueError, match="read-only"):
            kg.sparql("INSERT DATA { <a:b> <a:c> <a:d> }")
    assert not (data.parent / "data.readers").exists()


def test_open_a_running_server_by_its_url(served):
    srv, data = served
    with graph.open(srv.url) as remote, graph.open(data) as local:
        assert len(remote.events()) == len(local.events())
        assert list(remote.acled(place="Kidal")["tags"]) == list(local.acled(place="Kidal")["tags"])


def read_acled(body: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(body), keep_default_na=True)


def test_acled_csv_from_the_cli_beside_the_server(served, tmp_path):
    srv, data = served
    out = tmp_path / "events.csv"
    proc = run_tkg("export", "events", str(out), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    df = read_acled(out.read_bytes())
    assert list(df.columns) == ACLED_31 == COLUMNS
    for c in ("year", "time_precision", "inter1", "inter2", "interaction", "fatalities", "timestamp"):
        assert df[c].dtype == "int64", c
    assert df["latitude"].dtype == "float64" and df["longitude"].dtype == "float64"
    assert pd.to_datetime(df["event_date"], format="%Y-%m-%d").notna().all()
    assert set(df["time_precision"]) <= {1, 2, 3} and set(df["disorder_type"]) <= {
        "Political violence", "Demonstrations", "Strategic developments"}
    kidal = df[df["location"] == "Kidal"]
    assert len(kidal) >= 5
    assert (kidal["country"] == "Mali").all() and (kidal["iso"] == 466).all()
    assert (kidal["region"] == "Western Africa").all() and (kidal["geo_precision"] == 1).all()
    assert ((kidal["latitude"] - 18.44).abs() < 0.01).all() and ((kidal["longitude"] - 1.41).abs() < 0.01).all()
    retake = kidal[(kidal["actor1"] == "Malian Armed Forces") & (kidal["event_date"] == "2023-11-14")]
    assert len(retake) and (retake["inter1"] == 1).all() and (retake["interaction"] == 10).all()
    assert (retake["sub_event_type"] == "Government regains territory").all()
    assert retake["notes"].str.contains("Kidal").all() and retake["tags"].str.startswith("https://").all()
    assert df.loc[df["notes"].str.contains("Djibo Kanda"), "fatalities"].sum() == 12
    # the same table over HTTP
    http = srv.client.get("/api/v1/export/events")
    assert http.status_code == 200 and http.headers["content-type"].startswith("text/csv")
    assert http.content == out.read_bytes()


def test_tkg_style_json_and_parquet_over_http(served):
    srv, _ = served
    r = srv.client.get("/api/v1/export/events", params={"format": "json", "style": "tkg", "place": "Kidal"})
    body = r.json()
    assert r.status_code == 200 and body["count"] == len(body["data"]) > 5
    row = body["data"][0]
    assert {"id", "agent_ids", "agent_kinds", "confidence", "modality", "sentence_start", "sentence_end"} <= row.keys()
    pq = srv.client.get("/api/v1/export/events", params={"format": "parquet", "place": "Kidal"})
    df = pd.read_parquet(io.BytesIO(pq.content))
    assert list(df.columns) == COLUMNS and df["fatalities"].dtype == "int64" and len(df) >= 5


def test_events_geojson_opens_in_gdal(served, tmp_path):
    """GDAL's GeoJSON driver (through pyogrio) is what QGIS reads GeoJSON with."""
    import geopandas as gpd

    srv, _ = served
    r = srv.client.get("/api/v1/events.geojson", params={"from": "2023-10", "to": "2023-11"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in fc["features"])
    path = tmp_path / "events.geojson"
    path.write_bytes(r.content)
    gdf = gpd.read_file(path)
    assert len(gdf) == len(fc["features"]) and {"date", "type", "label"} <= set(gdf.columns)
    kidal = gdf[gdf["place"] == "Kidal"]
    assert len(kidal) and abs(kidal.geometry.x.iloc[0] - 1.41) < 0.01 and abs(kidal.geometry.y.iloc[0] - 18.44) < 0.01


@pytest.mark.parametrize("params,status,field", [
    ({"bbox": "1,2"}, 422, "bbox"), ({"bbox": "10,0,5,1"}, 422, "bbox"), ({"since": "yesterday"}, 422, "since"),
    ({"from": "2023-13"}, 422, "from"), ({"type": "fight"}, 422, "type"), ({"place": "Atlantis"}, 404, None),
])
def test_bad_filters_are_clear_errors(served, params, status, field):
    srv, _ = served
    for path in ("/api/v1/export/events", "/api/v1/events.geojson"):
        r = srv.client.get(path, params=params)
        assert r.status_code == status, (path, r.text)
        body = r.json()
        assert body["error"] and (field is None or body["detail"][0]["field"] == field)


def test_cli_errors_are_one_line(served, tmp_path):
    _, data = served
    for args, words in ((["x.txt"], "unknown suffix"), (["x.csv", "--since", "soon"], "--since"),
                        (["x.csv", "--bbox", "1,2,3"], "--bbox"), (["x.csv", "--style", "gdelt"], "--style")):
        proc = run_tkg("export", "events", *args, "--data", str(data), cwd=tmp_path)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and words in proc.stderr, proc.stderr


def test_since_and_the_deletions_of_a_reingest(tmp_path):
    """Re-ingesting an article whose text changed replaces its events: the ones gone are listed as deleted,
    the rows after --since are the new ones."""
    first = {"title": "Clash", "date": "2024-02-01T10:00:00Z", "url": "https://example.org/clash",
             "text": "Rebels attacked an army post near Gao on Monday, killing four soldiers. "
                     "The army said it repelled the attack. Officials condemned the violence."}
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(first) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    run_tkg("ingest", str(src), "--data", str(data), check=True)
    before = tmp_path / "before.json"
    run_tkg("export", "events", str(before), "--style", "tkg", "--data", str(data), check=True)
    old = json.loads(before.read_text())["data"]
    stamp = max(r["timestamp"] for r in old)
    none = run_tkg("export", "events", "-", "--style", "tkg", "--since", str(stamp), "--data", str(data), check=True)
    assert stamp > 0 and len(none.stdout.strip().splitlines()) == 1  # the header: nothing recorded after it
    second = {**first, "text": "Rebels attacked an army post near Gao on Monday, killing four soldiers."}
    src.write_text(json.dumps(second) + "\n", encoding="utf-8")
    time.sleep(1.1)  # record times are whole seconds
    run_tkg("ingest", str(src), "--data", str(data), check=True)
    after = tmp_path / "after.csv"
    proc = run_tkg("export", "events", str(after), "--style", "tkg", "--since", str(stamp), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    new = pd.read_csv(after)
    deleted = pd.read_csv(tmp_path / "after.deletions.csv")
    assert list(deleted.columns) == ["event_id_cnty", "deleted_timestamp"]
    old_ids, new_ids = {r["id"] for r in old}, set(new["id"])
    assert len(new) and (new["timestamp"] > stamp).all()
    assert set(deleted["event_id_cnty"]) == old_ids - new_ids and len(deleted) > 0
    assert (deleted["deleted_timestamp"] > stamp).all()
    # applying both to the old copy gives the store's table now
    synced = (old_ids - set(deleted["event_id_cnty"])) | new_ids
    now = tmp_path / "now.csv"
    run_tkg("export", "events", str(now), "--style", "tkg", "--data", str(data), check=True)
    assert synced == set(pd.read_csv(now)["id"])
    assert new.loc[new["notes"].str.contains("killing four"), "fatalities"].sum() == 4
