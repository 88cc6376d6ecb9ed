"""Ingest on every core: in one process, with `--workers 2`, on a 2-worker Dask cluster,
and raw spaCy `nlp.pipe(n_process=2)`, on the same texts, in one run.

Texts: the English article bodies of the ScrapingHub extraction benchmark
(../shared/data/extraction/ground-truth.json, MIT; 79 of its 88 bodies: another
language gets its own pipeline or none in newsgraph, where spaCy's side would parse it
with the English model), repeated to at least --articles articles. As in throughput.py,
each repetition goes into a fresh store, so that every copy is parsed.

Model loading is left out of every timing: the worker processes (and the cluster's)
ingest a few bodies into a throw-away store before the clock starts, and the in-process
side loads its model, actor matchers and language identifier first. Prints seconds,
articles/s and the speed-up over one process for each way, the goals (`--workers 2` at
least 1.8x one process and 0.85x spaCy with 2 processes), and whether every way stored
the same stories, facts and export (compared whole, ids included).

    .venv/bin/python benchmarks/scale_out.py [--articles 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from concurrent.futures import Executor
from pathlib import Path

from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor
from newsgraph.store import open_store
from throughput import load_texts


def corpus(articles: int) -> list[list[dict]]:
    """Repetitions of the English bodies, at least ``articles`` articles in all (one set
    of bodies for the ids: each repetition goes to its own store)."""
    bodies = load_texts(1)[0][:articles]  # fewer than one repetition: a quick check
    return [
        [{**record, "id": f"{record['id'].rsplit('-r', 1)[0]}-r{number}"} for record in bodies]
        for number in range(-(-articles // len(bodies)))
    ]


def store_digest(store) -> str:
    """The store's stories, facts and export, whole (ids included), as one hash."""
    document = export_json(store)
    del document["generated_at"]
    document["counts"] = store.counts()
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def run_way(repetitions: list[list[dict]], folder: Path, executor: Executor | None, nlp) -> dict:
    """Ingest each repetition into its own fresh store: seconds, this (driver) process's
    processor seconds, and each store's digest."""
    seconds = cpu_seconds = 0.0
    digests = []
    for number, batch in enumerate(repetitions):
        source = folder / f"bodies-{number}.jsonl"
        source.write_text("".join(json.dumps(record) + "\n" for record in batch))
        with open_store(str(folder / f"store-{number}.db")) as store:
            ingestor = Ingestor(store, nlp=nlp)
            start, cpu = time.perf_counter(), time.process_time()
            report = ingestor.ingest_paths([source], executor=executor)
            seconds += time.perf_counter() - start
            cpu_seconds += time.process_time() - cpu
            if report.skipped or report.annotated != len(batch):
                raise SystemExit(f"unexpected ingest result: {report}")
            digests.append(store_digest(store))
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "digests": digests}


def warm(executor: Executor, folder: Path, repetitions: list[list[dict]]) -> None:
    """Every worker loads its model: a few bodies ingested into a throw-away store."""
    source = folder / "warm.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in repetitions[0][:24]))
    with open_store(str(folder / "warm.db")) as store:
        Ingestor(store).ingest_paths([source], executor=executor)


def run_spacy(repetitions: list[list[dict]], processes: int) -> dict:
    """Raw spaCy: the same model as plain spaCy loads it, ``nlp.pipe(n_process=...)``."""
    import spacy

    from newsgraph.nlp import load_pipeline

    nlp = spacy.load(load_pipeline().path)
    texts = [record["text"] for batch in repetitions for record in batch]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return {"seconds": time.perf_counter() - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="at least this many")
    parser.add_argument("--workers", type=int, default=2, help="processes, and cluster workers")
    args = parser.parse_args()

    import py3langid
    from distributed import LocalCluster

    from newsgraph.actors import ActorDictionary
    from newsgraph.nlp import load_pipeline
    from newsgraph.workers import cluster, local_workers

    repetitions = corpus(args.articles)
    articles = sum(len(batch) for batch in repetitions)
    words = sum(len(r["text"].split()) for batch in repetitions for r in batch)
    print(
        f"corpus: {articles} articles ({len(repetitions)} x {len(repetitions[0])}), {words} words"
    )
    nlp = load_pipeline()
    ActorDictionary.load().matches(nlp.make_doc("Loading."))
    py3langid.classify("Loading.")

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("one", "workers", "cluster"):
            (root / name).mkdir()
        results["in-process"] = run_way(repetitions, root / "one", None, nlp)
        with local_workers(args.workers) as executor:
            warm(executor, root / "workers", repetitions)
            results[f"--workers {args.workers}"] = run_way(
                repetitions, root / "workers", executor, None
            )
        with (
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            ) as local,
            cluster(local.scheduler_address) as executor,
        ):
            warm(executor, root / "cluster", repetitions)
            results[f"Dask cluster, {args.workers} workers"] = run_way(
                repetitions, root / "cluster", executor, None
            )
    results[f"spaCy nlp.pipe, n_process={args.workers}"] = run_spacy(repetitions, args.workers)

    one = results["in-process"]["seconds"]
    # The driver's processor time per article: the serial part (reading, cleaning, both
    # story levels, the store) that bounds how many workers one ingest can keep busy.
    print(f"{'way':<34}{'seconds':>9}{'articles/s':>12}{'speed-up':>10}{'driver ms/article':>19}")
    for name, result in results.items():
        seconds = result["seconds"]
        driver = f"{1000 * result['cpu_seconds'] / articles:.1f}" if "cpu_seconds" in result else ""
        print(
            f"{name:<34}{seconds:>9.1f}{articles / seconds:>12.2f}{one / seconds:>9.2f}x"
            f"{driver:>19}"
        )
    workers = results[f"--workers {args.workers}"]["seconds"]
    spacy_seconds = results[f"spaCy nlp.pipe, n_process={args.workers}"]["seconds"]
    print(f"--workers {args.workers} over in-process: {one / workers:.2f}x (goal >= 1.8 at 2)")
    print(f"--workers {args.workers} / spaCy: {spacy_seconds / workers:.2f} (goal >= 0.85)")
    digests = [result["digests"] for result in results.values() if "digests" in result]
    same = all(d == digests[0] for d in digests)
    print(
        "same stories, facts and export (ids included) in-process, with workers and on the"
        f" cluster: {'yes' if same else 'NO'}"
    )
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
