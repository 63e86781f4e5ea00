"""One worker process per data directory when the merge tables live in RocksDB files.

RocksDB lets one process open a database. A second worker process given the same
`WORKER_DATA_DIR` (two processes on one host, or `docker compose up --scale worker=2` on one
named volume) would run until a rebalance hands it a table partition, then retry the locked
files for about half a minute and crash, holding up the group's rebalance meanwhile. The
worker takes an exclusive lock on its app's folder at start instead and refuses to start with a
message that says what to change.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from worker.settings import Settings, TableStore

LOCK_NAME = "worker.lock"


class DataDirInUse(Exception):
    """Another process holds the data directory's lock."""


def needs_lock(settings: Settings) -> bool:
    return settings.merge_enabled and settings.table_store is TableStore.ROCKSDB


def app_dir(settings: Settings) -> Path:
    """The Faust data directory of the app (its tables' files live under it)."""
    return settings.data_dir / settings.app_id


def lock_data_dir(settings: Settings) -> IO[str] | None:
    """Take the app folder's lock for the life of the process (keep the returned file open;
    the lock goes with the process, also on kill -9). None when no lock is needed."""
    if not needs_lock(settings):
        return None
    folder = app_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / LOCK_NAME, "a+")  # noqa: SIM115 - held until the process exits
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise DataDirInUse(
            f"WORKER_DATA_DIR {settings.data_dir} is in use by {holder} (app "
            f"{settings.app_id}, RocksDB tables): give each worker process its own "
            f"WORKER_DATA_DIR, or set WORKER_TABLE_STORE=memory") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"worker pid {os.getpid()}\n")
    handle.flush()
    return handle
