"""Nothing is lost when a writer is killed at any moment, or when two write at once.

A writer process adds annotations one by one, saving after each and printing the id
once the save has returned. It is killed (SIGKILL) at random moments; after every kill
the file must load as it is (no fallback to a backup needed) and hold every printed id.
The window's way of saving is tested the same way: each save appends to the journal
beside the file, which is folded into the file every few saves (journal.py); then the
file plus its journal must hold every printed id. Both writers keep the decoded copy in a
cache folder (loadcache.py), as the window and the command line do, so kills also land while
it is written: afterwards, loading with it must give exactly what decoding the file gives.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.annotations import BlockRangeSelector, Store, Target, TextQuoteSelector, new_annotation
from reader.core.annotations.fileformat import decode
from reader.core.annotations.journal import Journal, journal_path

ROUNDS = 30
SEED_ANNOTATIONS = 1000  # makes each save take long enough to be killed in the middle of it

WRITER = r"""
import sys
from pathlib import Path
from reader.core.annotations import BlockRangeSelector, Store, Target, TextQuoteSelector, new_annotation

path, name, limit, mode = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
journal = mode == "journal"
store = Store.open(path, min_interval=0, journal=journal, cache_dir=path.parent / "cache")
for message in store.load_report.messages:
    print("LOAD:", message, file=sys.stderr, flush=True)
ids = []
i = 0
while not limit or i < limit:
    i += 1
    target = Target("gcm", TextQuoteSelector(f"{name} {i} " + "移民" * 20, "前文", "后文"),
                    BlockRangeSelector("17.a", 0, "17.a", 44))
    annotation = new_annotation(target, note="笔记 " * 20, tags=[name])
    store.add(annotation)
    store.flush()
    ids.append(annotation.id)
    print(annotation.id, flush=True)
    if journal and store.journal_lines >= 7:
        store.fold()
if mode == "delete-first":
    store.delete(ids[0])
    store.flush()
    print("deleted", ids[0], flush=True)
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def writer(path: Path, name: str, limit: int = 0, mode: str = "-") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), name, str(limit), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def seed(path: Path, count: int) -> None:
    store = Store.open(path)
    for i in range(count):
        quote = TextQuoteSelector(f"seed {i} " + "数据" * 30)
        target = Target("sgr", quote, BlockRangeSelector("1", 0, "1", 5))
        store.put(new_annotation(target, note="seed"))
    store.flush()


def on_disk(path: Path, mode: str):
    """What a reader finds: the main file as it is, plus its journal when saves use one."""
    state = decode(path.read_bytes()).state
    return Journal(journal_path(path)).apply(state) if mode == "journal" else state


@pytest.mark.parametrize("mode", ["file", "journal"])
def test_a_writer_killed_at_random_moments_never_loses_a_confirmed_annotation(tmp_path, mode):
    path = tmp_path / "annotations.json"
    seed(path, SEED_ANNOTATIONS)
    rng = random.Random(20240501)
    confirmed: set[str] = set()
    for round_ in range(ROUNDS):
        process = writer(path, f"r{round_}", mode=mode)
        if round_ % 5 == 4:  # now and then while it starts up and loads the file
            time.sleep(rng.uniform(0.0, 0.25))
        else:  # mostly once it is saving (two saves confirmed), one save every few milliseconds
            confirmed.add(process.stdout.readline().strip())
            confirmed.add(process.stdout.readline().strip())
            time.sleep(rng.uniform(0.0, 0.1))
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=10)
        assert "LOAD:" not in err, err  # the previous kill left nothing that needed repair
        confirmed |= set(out.split())
        confirmed.discard("")
        state = on_disk(path, mode)  # the main file itself, as it is (and its journal)
        missing = confirmed - state.annotations.keys()
        assert not missing, f"round {round_}: lost {len(missing)} confirmed annotations"
    # The kills did land while the writer was saving (however slow a loaded machine is).
    assert len(confirmed) >= 2 * (ROUNDS - ROUNDS // 5)
    cached = Store.open(path, journal=mode == "journal", cache_dir=tmp_path / "cache")
    store = Store.open(path)
    assert cached.load_report.ok and cached.state == store.state  # the copy, if read, is exact
    # A save can complete just before the kill stops its id being printed: more is fine.
    assert store.load_report.ok and len(store.annotations) >= SEED_ANNOTATIONS + len(confirmed)
    assert not list(tmp_path.glob(".annotations.json.*.tmp"))  # leftovers of killed saves removed
    if mode == "journal":
        # Quitting folds the journal into the file. It is empty when the last kill came just
        # after a writer's fold (a writer folds every 7 changes): then there is nothing to do.
        pending = store.journal_lines
        assert (store.close() is not None) == (pending > 0)
        assert not pending or not journal_path(path).exists()
        assert decode(path.read_bytes()).state.annotations.keys() >= confirmed


def test_two_processes_writing_at_once_keep_each_others_annotations_and_deletions(tmp_path):
    path = tmp_path / "annotations.json"
    seed(path, 200)
    processes = [writer(path, "a", 15, "delete-first"), writer(path, "b", 15)]
    outputs = [p.communicate(timeout=60) for p in processes]
    assert all(p.returncode == 0 for p in processes), [err for _, err in outputs]
    lines = [line.split() for out, _ in outputs for line in out.splitlines()]
    added = {words[0] for words in lines if len(words) == 1}
    deleted = {words[1] for words in lines if words[0] == "deleted"}
    assert len(added) == 30 and len(deleted) == 1
    final = decode(path.read_bytes()).state
    assert final.annotations.keys() >= added - deleted
    assert not deleted & final.annotations.keys() and deleted <= final.deleted.keys()
    assert len(final.annotations) == 200 + 29
