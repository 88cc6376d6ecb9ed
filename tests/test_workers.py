"""Ingest with worker processes or a Dask cluster: the same store as in one process, a
killed worker or driver loses and doubles nothing, and one ingest at a time per store.

Each test starts its own workers (and cluster, bound to 127.0.0.1) and stops them; every
worker process loads the model, so the corpora are small.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

import newsgraph
from conftest import EXTRACTION, ROOT, SAMPLES, skip_module_without_shared
from newsgraph import pipeline
from newsgraph.cli import app
from newsgraph.export.json import export_json
from newsgraph.pipeline import Ingestor, IngestReport
from newsgraph.store import StoreBusy, open_store
from newsgraph.workers import cluster, local_workers

skip_module_without_shared()

# Small chunks, so that versions arrive in a later chunk than their story while that
# story's chunk is still in flight (the window of chunks).
SMALL_CHUNK = 2
ORIGINALS = 8


def _corpus(folder: Path, originals: int = ORIGINALS) -> Path:
    """Real article bodies, then copies of some of them: shorter ones (syndicated, the
    canonical stays) and longer ones (a version with a closing paragraph more, which
    becomes canonical and is parsed again), arriving after their originals."""
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [(key, value["articleBody"]) for key, value in sorted(truth.items())][:originals]
    records = [{"id": key, "text": text} for key, text in bodies]
    for key, text in (bodies[-1], bodies[1]):
        shorter = "\n".join(text.splitlines()[:-1])
        records.append({"id": f"{key}-syndicated", "text": shorter})
    for key, text in (bodies[-2], bodies[2]):
        closing = "The agency said it would publish a fuller account of the findings next week."
        records.append({"id": f"{key}-updated", "text": f"{text}\n\n{closing}"})
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def _snapshot(db: Path) -> dict:
    """The whole store as the JSON export has it, ids included, less its timestamp."""
    with open_store(str(db), read_only=True) as store:
        document = export_json(store)
        document["counts"] = store.counts()
    del document["generated_at"]
    return document


def _in_process(db: Path, paths: list[Path], nlp) -> dict:
    with open_store(str(db)) as store:
        Ingestor(store, nlp=nlp).ingest_paths(paths)
    return _snapshot(db)


def _tally(report: IngestReport) -> tuple:
    return (report.new_stories, report.joined, report.annotated, dict(report.without_facts))


@pytest.fixture
def small_chunks(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_SIZE", SMALL_CHUNK)


def test_worker_processes_store_exactly_what_one_process_stores(
    tmp_path, nlp, small_chunks
) -> None:
    paths = [SAMPLES, _corpus(tmp_path)]
    with open_store(str(tmp_path / "one.db")) as store:
        in_process = Ingestor(store, nlp=nlp).ingest_paths(paths)
    with open_store(str(tmp_path / "two.db")) as store, local_workers(2) as executor:
        report = Ingestor(store, nlp=nlp).ingest_paths(paths, executor=executor)
    assert _tally(report) == _tally(in_process)
    # One story of the samples and each body; the six copies joined them, and the two
    # longer ones were parsed again as their story's new canonical version.
    assert (report.new_stories, report.joined) == (ORIGINALS + 1, 6)
    parsed_once = report.new_stories - report.without_facts.total()
    assert report.annotated == parsed_once + 2
    expected = _snapshot(tmp_path / "one.db")
    assert expected["counts"]["quotes"] > 0 and expected["counts"]["events"] > 0
    assert _snapshot(tmp_path / "two.db") == expected


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path, nlp, small_chunks) -> None:
    from distributed import LocalCluster

    paths = [SAMPLES, _corpus(tmp_path)]
    expected = _in_process(tmp_path / "clean.db", paths, nlp)
    killed: list[str] = []
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as local,
        cluster(local.scheduler_address) as executor,
        open_store(str(tmp_path / "cluster.db")) as store,
    ):
        client = executor._client  # the executor's own client, to find a busy worker
        pids = client.run(os.getpid)

        def kill_a_busy_worker(articles: int, words: int) -> None:
            if killed:
                return
            busy = [address for address, keys in client.processing().items() if keys]
            if busy:  # the next chunk is being parsed while this one is saved
                killed.append(busy[0])
                os.kill(pids[busy[0]], signal.SIGKILL)

        Ingestor(store, nlp=nlp).ingest_paths(paths, kill_a_busy_worker, executor)
        assert all(address.startswith("tcp://127.0.0.1:") for address in pids)
    assert killed, "no worker was busy when the first chunk was saved"
    assert _snapshot(tmp_path / "cluster.db") == expected


def test_a_killed_driver_stops_its_workers_and_a_rerun_resumes(tmp_path, nlp) -> None:
    paths = [SAMPLES, _corpus(tmp_path, originals=24)]
    expected = _in_process(tmp_path / "clean.db", paths, nlp)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsgraph", "ingest", *map(str, paths), "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSGRAPH_WORKERS": "2"}
    driver = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        stored = 0
        deadline = time.monotonic() + 120
        while stored < 3 and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            if db.exists():
                with open_store(str(db), read_only=True) as store:
                    stored = store.counts()["stories"]
        workers = psutil.Process(driver.pid).children()
        driver.send_signal(signal.SIGKILL)
        driver.wait()
    finally:
        driver.kill()
    assert 3 <= stored < expected["counts"]["stories"], driver.stderr.read().decode()
    assert len(workers) >= 2  # the pool's processes (and its resource tracker)
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []
    assert CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", str(db)]).exit_code == 0
    assert _snapshot(db) == expected


def test_a_cluster_that_cannot_be_reached_ends_in_one_line(tmp_path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "store.db")
    nowhere = runner.invoke(app, ["ingest", str(SAMPLES), "--db", db, "--cluster", "no-port"])
    assert nowhere.exit_code == 2
    assert nowhere.output.strip().splitlines() == [
        "no Dask scheduler answered at no-port: missing port number in address 'no-port'"
    ]


def test_a_second_ingest_on_a_store_in_use_is_refused(tmp_path, nlp) -> None:
    paths = [_corpus(tmp_path, originals=4)]
    db = tmp_path / "store.db"
    expected = _in_process(tmp_path / "once.db", paths, nlp)
    runner = CliRunner()
    refused: list = []

    def start_another_ingest(articles: int, words: int) -> None:
        if refused:
            return
        refused.append(runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db)]))
        with newsgraph.open(db) as ng, pytest.raises(StoreBusy):
            ng.ingest(paths)

    with open_store(str(db)) as store:
        Ingestor(store, nlp=nlp).ingest_paths(paths, start_another_ingest)
    (second,) = refused
    assert second.exit_code == 2
    assert second.output.strip().startswith(f"another ingest is running on {db}")
    assert _snapshot(db) == expected
    # The lock went with the first run: the next ingest runs (and finds nothing new).
    again = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert _snapshot(db) == expected
