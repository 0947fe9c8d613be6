"""Converting a JSON Lines file in worker processes gives the same Parquet tables as one
process."""

import json
from pathlib import Path

import pytest

from dipos.tables import parallel
from dipos.tables.reading import RecordSource
from dipos.validator.read.inputs import collect

from ._support import REPO, records_of


def test_workers_write_the_same_tables_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    from dipos.tables.arrow import write_parquet

    records = records_of(*sorted((REPO / "examples").rglob("*.json")))
    data = tmp_path / "records.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    # Tiny ranges: the file is cut into many chunks, shared by two workers.
    monkeypatch.setattr(parallel, "RANGE_BYTES", 4096)
    files = collect([data])
    assert len(parallel.chunks_for(files)) > 5
    write_parquet(RecordSource(files, jobs=2), tmp_path / "workers")
    write_parquet(records, tmp_path / "one")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "workers").iterdir())
    for name in names:
        one = parquet.read_table(tmp_path / "one" / name)
        assert parquet.read_table(tmp_path / "workers" / name).equals(one), name
