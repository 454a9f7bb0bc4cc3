"""What the single writer pays per article as the store grows: `Store.put_articles` chunk by chunk.

    python bench/store_write.py --template STORE -n 10000            # the bulk loader (what ingest uses)
    python bench/store_write.py --template STORE -n 10000 --transaction   # Store.load in one transaction

`--template` is a store written by `tkg ingest` (e.g. of bench/ingest.py's synthetic corpus); its
article graphs are replicated under new keys and dates (bench/scale.py's `replicate`) and written 32
articles per call (`--chunk`), as ingest writes a chunk. bench/scale.py times the same writes at
1k, 10k and 100k articles in the store. For every 1,000 articles it prints the CPU time of this whole
process (resource.getrusage: the bulk loader's threads and RocksDB's compaction threads included)
and the wall time, per article. Only the write is timed, not the replication.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import replicate, templates  # noqa: E402

from graph.ids import ENTITIES_GRAPH  # noqa: E402
from graph.store.embedded import Store, _nquads  # noqa: E402


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, required=True)
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--chunk", type=int, default=32)
    ap.add_argument("--transaction", action="store_true", help="Store.load in one transaction instead")
    args = ap.parse_args()
    tpls, entities = templates(args.template)
    path = Path(tempfile.mkdtemp(prefix="tkg-store-write-")) / "store"
    store = Store(path)
    try:
        store.put_articles([(ENTITIES_GRAPH, entities, "")])
        block_cpu, block_wall, block_n, written = 0.0, 0.0, 0, 0
        print(f"{'articles':>9} {'CPU ms/article':>15} {'wall ms/article':>16} {'store MB':>9}", flush=True)
        for start in range(0, args.n, args.chunk):
            chunk = replicate(tpls, start, min(args.chunk, args.n - start))
            c, t = cpu(), time.perf_counter()
            if args.transaction:
                store.ox.load(_nquads(chunk).encode(), format=ox.RdfFormat.N_QUADS)
            else:
                store.put_articles(chunk)
            block_cpu += cpu() - c
            block_wall += time.perf_counter() - t
            block_n += len(chunk)
            written += len(chunk)
            if block_n >= 1000 or written == args.n:
                mb = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20
                print(f"{written:>9,} {1000 * block_cpu / block_n:>15.2f} {1000 * block_wall / block_n:>16.2f} "
                      f"{mb:>9,.0f}", flush=True)
                block_cpu = block_wall = 0.0
                block_n = 0
    finally:
        store.close()
        shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
