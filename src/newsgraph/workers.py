"""Where ingest's parallel part (``pipeline.analyse_batch``) runs, as a standard
``concurrent.futures.Executor``: worker processes on this box (``--workers N``) or a
running Dask cluster (``--cluster ADDRESS``).

The pipeline only submits tasks and reads their results in order, so one executor is
as good as another to it; each worker process loads the model on its first task (or
before, here) and keeps it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from newsgraph.cores import usable_cores
from newsgraph.nlp import model_to_load

# How long to wait for a cluster's scheduler before giving up on it.
CONNECT_TIMEOUT = "10s"
# How often a local worker looks whether its driver still runs.
DRIVER_CHECK_SECONDS = 1.0


class ClusterError(ConnectionError):
    """The Dask cluster cannot be used: Dask is not installed, or no scheduler answered."""


class WorkerLost(RuntimeError):
    """A local worker process died (killed, out of memory); the run stopped there."""


@contextmanager
def parsing_executor(
    workers: int | None = None, cluster_address: str | None = None, model: str | None = None
) -> Iterator[Executor | None]:
    """Where ingest parses: the Dask cluster at ``cluster_address``; else ``workers``
    processes on this box (default: every core it may use); None (this process) for one worker.

    Local workers check that the model is installed first (``ModelNotFound``), so that
    a missing one fails in one line, not once in every process.
    """
    if cluster_address:
        with cluster(cluster_address) as executor:
            yield executor
        return
    count = workers or usable_cores()
    if count == 1:
        yield None
        return
    model_to_load(model)
    with local_workers(count, model) as executor:
        yield executor


def _start_worker(model: str | None, driver: int) -> None:
    """Each worker process, as it starts: follow the driver, then load the model and the
    actor dictionary while the driver reads the first chunk."""
    from newsgraph.actors import ActorDictionary
    from newsgraph.nlp import load_pipeline

    threading.Thread(target=_exit_with, args=(driver,), daemon=True).start()
    load_pipeline(model)
    ActorDictionary.load()


def _exit_with(driver: int) -> None:
    """End this worker when the driver is gone: a killed driver (kill -9, out of memory)
    never shuts its pool down, and its workers would idle on, each holding a model."""
    while os.getppid() == driver:
        time.sleep(DRIVER_CHECK_SECONDS)
    os._exit(1)


@contextmanager
def local_workers(count: int, model: str | None = None) -> Iterator[Executor]:
    """``count`` worker processes on this box, stopped when the block ends.

    Started fresh ("spawn"), not forked from a driver that holds threads and a store
    connection.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, context, _start_worker, (model, os.getpid())) as executor:
        try:
            yield executor
        except BrokenProcessPool as error:
            raise WorkerLost(
                "a worker process died (killed, or out of memory); what was stored is kept:"
                " run the same ingest again to go on"
            ) from error


@contextmanager
def cluster(address: str) -> Iterator[Executor]:
    """The workers of the Dask scheduler at ``address`` (``tcp://host:8786``).

    The cluster's workers need newsgraph and its model installed, as here; Dask runs a
    task again elsewhere when the worker running it dies.
    """
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterError(
            "--cluster needs Dask's distributed package: pip install 'newsgraph[cluster]'"
        ) from error
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError) as error:  # ValueError: not an address ('host' alone)
        raise ClusterError(f"no Dask scheduler answered at {address}: {error}") from error
    with client:
        # pure=False: every task is sent as new (hashing each batch's text buys nothing).
        yield client.get_executor(pure=False)
