"""The item pages (nine in ten of the site's pages) and their similar items, the work of
worker processes while the parent process writes the rest.

A worker gets its items pickled, each as a copy that carries what its page shows of the
items it names (similar items, the follow-up chain, the items it follows up) and no further
link, so a chunk pickles small and a worker never holds the whole graph. The pages and their
Turtle and CSV are the same bytes whether one process writes them or many.
"""

from __future__ import annotations

import copy
import multiprocessing
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .data import Item
from .linked import ITEM_COLUMNS, item_jsonld, item_row, item_triples
from .render import Writer, path_of
from .similar import attach, best, compared, similar_items, vectors

#: Items a worker gets at once; chunks in flight per worker (the parent prepares the next
#: while the workers write, and never holds more than these copies at once).
CHUNK = 400
AHEAD = 2

Page = tuple[Item, list[Item]]  # the item, the earlier items it follows up
Written = tuple[Counter[str], tuple[str, int]]  # pages by kind, the largest
#: Other pages for the workers: called when sent, it gives a function of (folder, payload)
#: writing pages and its payload, both picklable.
Task = Callable[[], tuple[Callable[[Path, Any], Written], Any]]


def flat(item: Item) -> Item:
    """``item`` with its own fields (themes, passages, follow-up links) and no other item:
    what a listing of it shows and downloads."""
    copied = copy.copy(item)
    copied.chain, copied.similar, copied.status_item = [], [], None
    return copied


def _named(item: Item) -> Item:
    """What another item's page shows of ``item``: its own fields, no links onwards."""
    named = copy.copy(item)
    named.themes, named.partners, named.passages, named.follows = [], [], [], []
    named.chain, named.similar, named.status_item = [], [], None
    return named


def portable(item: Item, items: dict[str, Item]) -> Page:
    """``item`` and the earlier items it follows up, as a worker needs them."""
    page = copy.copy(item)
    page.similar = [(_named(other), score) for other, score in item.similar]
    page.chain = [(_named(later), link) for later, link in item.chain]
    page.status_item = _named(item.status_item) if item.status_item else None
    return page, [_named(items[link.earlier]) for link in item.follows]


def write_item(w: Writer, item: Item, earlier: Sequence[Item]) -> None:
    path = path_of(item.iri)
    w.write(path, "item.html.j2", "item", item=item, earlier=earlier, jsonld=item_jsonld(item))
    w.downloads(path, item_triples(item), ITEM_COLUMNS, [item_row(item)])


def write_items(folder: Path, pages: Sequence[Page]) -> Written:
    """Write the pages of a chunk of items (in a worker, or in the parent with one job)."""
    w = Writer(folder)
    for item, earlier in pages:
        write_item(w, item, earlier)
    return w.pages, w.largest


class ItemPages:
    """Similar items found and item pages written by ``workers`` processes (spawned: small,
    whatever the parent holds), fed by a thread from the front of the items, while the
    parent goes on; in :meth:`result` the parent writes chunks from the back until the two
    meet. With one worker, or few items, :meth:`result` does it all itself."""

    def __init__(
        self, folder: Path, every: dict[str, Item], workers: int, tasks: Sequence[Task] = ()
    ):
        self.folder, self.every, self.items = folder, every, list(every.values())
        self.tasks = list(tasks)
        self.futures: list[Future[Written]] = []
        self.pool: ProcessPoolExecutor | None = None
        self.error: BaseException | None = None
        self.stop = threading.Event()
        self.similar = threading.Event()  # the similar items are recorded (or failed)
        self.lock = threading.Lock()
        self.front, self.back = 0, len(self.items)  # items not yet given out
        if workers > 1 and len(self.items) > CHUNK:
            spawn = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(workers, mp_context=spawn)
            self.workers = workers
            self.slots = threading.Semaphore(AHEAD * workers)
            self.feeder = threading.Thread(target=self._feed, name="item-pages", daemon=True)
            self.feeder.start()

    def _feed(self) -> None:
        try:
            self._similar()
            self.similar.set()
            self._pages()
        except BaseException as exc:  # noqa: BLE001 - given to result()
            self.error = exc
        finally:
            self.similar.set()

    def _similar(self) -> None:
        """Rows of the similarity product in ranges, a few a worker; recorded in order."""
        assert self.pool is not None
        items = compared(self.items)
        v = vectors(items)
        futures = []
        if v is not None:
            step = -(-len(v) // (3 * self.workers))
            ranges = [(start, min(start + step, len(v))) for start in range(0, len(v), step)]
            futures = [self.pool.submit(best, v, start, stop) for start, stop in ranges]
        for task in self.tasks:  # the other pages need no similar items: meanwhile
            function, payload = task()
            self.futures.append(self.pool.submit(function, self.folder, payload))
        for future in futures:
            attach(items, future.result())

    def _pages(self) -> None:
        assert self.pool is not None
        while True:
            self.slots.acquire()
            if self.stop.is_set() or (taken := self._take(front=True)) is None:
                return
            chunk = [portable(i, self.every) for i in self.items[taken[0] : taken[1]]]
            future = self.pool.submit(write_items, self.folder, chunk)
            future.add_done_callback(lambda _: self.slots.release())
            self.futures.append(future)

    def result(self) -> Written:
        """Every item page written: the pages by kind and the largest, as one process
        writing them in order would count them."""
        written: list[Written] = []
        if self.pool is None:
            for task in self.tasks:
                function, payload = task()
                written.append(function(self.folder, payload))
            similar_items(compared(self.items))
            pages = [(i, self._earlier(i)) for i in self.items]
            written.append(write_items(self.folder, pages))
        else:
            self.similar.wait()
            while self.error is None and (taken := self._take(front=False)) is not None:
                pages = [(i, self._earlier(i)) for i in self.items[taken[0] : taken[1]]]
                written.append(write_items(self.folder, pages))
            self.feeder.join()
            if self.error is not None:
                raise self.error
            written += [future.result() for future in self.futures]
            self.close()
        total = Writer(self.folder)
        for counted, (path, size) in written:
            total.pages.update(counted)
            total.count_largest(path, size)
        return total.pages, total.largest

    def _take(self, front: bool) -> tuple[int, int] | None:
        """The next chunk of items not given out, from the front or the back."""
        with self.lock:
            if self.front >= self.back:
                return None
            if front:
                start, self.front = self.front, min(self.front + CHUNK, self.back)
                return start, self.front
            stop, self.back = self.back, max(self.back - CHUNK, self.front)
            return self.back, stop

    def _earlier(self, item: Item) -> list[Item]:
        return [self.every[link.earlier] for link in item.follows]

    def close(self) -> None:
        """Stop the workers (after :meth:`result`, or when the build fails)."""
        if self.pool is not None:
            self.stop.set()
            self.slots.release()  # a feeder waiting for a slot sees the stop
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.feeder.join()
            self.pool = None

    def __enter__(self) -> ItemPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
