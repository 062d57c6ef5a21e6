"""How long the window takes to show one change when 10,000 highlights are loaded.

Run: .venv/bin/python benchmarks/window_annotations.py [--count 10000] [--rounds 10]
(target: <= 100 ms per change, from the call to the panes and lists being up to date)

The window is made offscreen (no display needed) in a temporary data folder, with the
annotations dock shown and the Compact in the first pane, as a delegate works (the
highlights are theirs: made under the name the window gives what they add). Each round
changes one highlight's colour (always to another colour) and undoes it, highlights a new
selection as Alt+1 does and undoes that, and deletes a highlight (the store, the excerpt
index, the annotations list and the panes showing the document all update); the time
includes the events Qt processes afterwards (layout and painting). Figures are medians and
minima: the machine is shared and they are noisy.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = 0.100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    from annotations import sample_annotations
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    import reader.ui  # noqa: F401  (binding work-arounds before any widget exists)
    from reader.core.annotations import Store
    from reader.core.corpus import load_corpus
    from reader.core.objectives import build_objectives
    from reader.core.userconfig import config_file, user_name
    from reader.paths import AppPaths
    from reader.ui.main_window import MainWindow
    from reader.ui.services import Services, open_settings

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="window-bench-"))
    paths = AppPaths(data=folder / "data", cache=folder / "cache").ensure()
    corpus = load_corpus()
    store = Store.open(paths.annotations_file, journal=True)
    me = user_name(config_file(paths.data))  # the delegate's own highlights, as the window adds them
    store.put_many([replace(a, creator=me) for a in sample_annotations(corpus, args.count)])
    store.close()
    start = time.perf_counter()
    services = Services(
        paths=paths,
        corpus=corpus,
        objectives=build_objectives(corpus),
        settings=open_settings(paths),
        search=None,
    )
    window = MainWindow(services)
    window.restore_state()  # the default panes: the Compact first
    window.show()
    window.start()
    window.show_dock("annotations")
    app.processEvents()
    opened = time.perf_counter() - start
    annotator = window.annotator
    pane = window.panes.panes[0]
    rng = random.Random(3)
    in_view = [a.id for a in annotator.store.annotations_in(pane.doc_id)]
    blocks = [b for b in pane.document.blocks if len(b.text) > 20 and pane.rendered.span(b.anchor)]

    def select_somewhere() -> None:
        """A selection in the first pane, as dragging over a few words leaves it."""
        block = rng.choice(blocks)
        start = rng.randrange(len(block.text) - 12)
        span = pane.rendered.span(block.anchor)
        cursor = QTextCursor(pane.rendered.qdoc)
        cursor.setPosition(span.position(start))
        cursor.setPosition(
            span.position(start + rng.randint(2, 12), end=True), QTextCursor.MoveMode.KeepAnchor
        )
        pane.view.setTextCursor(cursor)
        app.processEvents()

    def timed(action: Callable[[], object]) -> float:
        begin = time.perf_counter()
        action()
        app.processEvents()
        return time.perf_counter() - begin

    recolour, undo, add, undo_add, delete = [], [], [], [], []
    for _ in range(args.rounds):
        annotation_id = rng.choice(in_view)
        now = annotator.store.annotation(annotation_id).color
        colour = rng.choice([c for c in ("red", "green", "blue") if c != now])
        recolour.append(timed(lambda i=annotation_id, c=colour: annotator.set_color(i, c)))
        undo.append(timed(annotator.undo_stack.undo))
        select_somewhere()
        add.append(timed(lambda: annotator.highlight(pane, "green")))
        undo_add.append(timed(annotator.undo_stack.undo))
        victim = rng.choice(in_view)
        in_view.remove(victim)
        delete.append(timed(lambda i=victim: annotator.delete([i])))
    window.close()
    app.processEvents()

    def line(name: str, times: list[float]) -> str:
        median = statistics.median(times)
        verdict = "OK" if median <= TARGET else "OVER"
        return (
            f"{name}: median {median * 1000:.0f} ms, min {min(times) * 1000:.0f} ms over "
            f"{len(times)} (target <= {TARGET * 1000:.0f} ms) {verdict}"
        )

    print(
        f"highlights: {args.count} ({len(in_view)} in the document shown); "
        f"window opened and placed them in {opened:.2f} s"
    )
    print(line("change one highlight's colour", recolour))
    print(line("undo that change", undo))
    print(line("highlight a selection", add))
    print(line("undo that highlight", undo_add))
    print(line("delete one highlight", delete))


if __name__ == "__main__":
    main()
