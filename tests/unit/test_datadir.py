"""The data directory's lock: one worker process per folder when tables are RocksDB files."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.datadir import LOCK_NAME, DataDirInUse, lock_data_dir
from worker.settings import Settings, TableStore


def settings(tmp_path: Path, **extra: object) -> Settings:
    return Settings(data_dir=tmp_path / "data", app_id="app", **extra)  # type: ignore[arg-type]


def test_a_second_holder_is_refused_with_what_to_change(tmp_path: Path) -> None:
    first = lock_data_dir(settings(tmp_path))
    assert first is not None
    assert (tmp_path / "data" / "app" / LOCK_NAME).exists()
    with pytest.raises(DataDirInUse) as refused:
        lock_data_dir(settings(tmp_path))  # another open file: flock conflicts as across processes
    message = str(refused.value)
    assert "WORKER_DATA_DIR" in message and "worker pid" in message
    assert "WORKER_TABLE_STORE=memory" in message
    first.close()  # the lock goes with its holder
    again = lock_data_dir(settings(tmp_path))
    assert again is not None
    again.close()


def test_other_apps_and_table_free_runs_need_no_lock(tmp_path: Path) -> None:
    held = lock_data_dir(settings(tmp_path))
    assert held is not None
    other = lock_data_dir(Settings(data_dir=tmp_path / "data", app_id="other"))
    assert other is not None  # an app's tables live in their own folder
    other.close()
    assert lock_data_dir(settings(tmp_path, table_store=TableStore.MEMORY)) is None
    assert lock_data_dir(settings(tmp_path, merge_enabled=False)) is None
    held.close()
