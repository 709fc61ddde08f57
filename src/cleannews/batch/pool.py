"""An ordered, bounded parallel map over chunks, with crash isolation.

Results come back in input order (so output files are deterministic) while at most ``window``
chunks are in flight (so memory stays bounded however large the input). Workers are spawned,
not forked, so the pool behaves the same on every platform and never inherits the parent's
threads or open files. If a worker process dies (segfault, OOM kill), the chunks that were in
flight are re-run one item at a time in a fresh pool, so only the item that kills a worker again
is reported through ``on_crash``; the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Generic, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
ChunkFn = Callable[[Sequence[T]], list[R]]


def map_chunks(
    fn: ChunkFn[T, R],
    chunks: Iterable[Sequence[T]],
    workers: int,
    on_crash: Callable[[T, BaseException], R],
    window: int | None = None,
    initializer: Callable[[], None] | None = None,
) -> Iterator[list[R]]:
    """``fn(chunk)`` for every chunk, in order. ``fn`` must be picklable (a module-level function
    or a ``functools.partial`` of one) and must handle per-item exceptions itself.
    ``initializer`` (picklable too) runs once in each worker process before its first chunk;
    it is not run when ``workers <= 1`` (the caller's own process)."""
    if workers <= 1:
        yield from map(fn, chunks)
        return
    with _Pool(fn, workers, on_crash, initializer) as pool:
        yield from pool.run(chunks, window or 2 * workers)


class _Pool(Generic[T, R]):
    def __init__(
        self,
        fn: ChunkFn[T, R],
        workers: int,
        on_crash: Callable[[T, BaseException], R],
        initializer: Callable[[], None] | None = None,
    ):
        self.fn, self.workers, self.on_crash = fn, workers, on_crash
        self.initializer = initializer
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=self.initializer
        )

    def __enter__(self) -> _Pool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def run(self, chunks: Iterable[Sequence[T]], window: int) -> Iterator[list[R]]:
        pending: deque[tuple[Sequence[T], Future[list[R]]]] = deque()
        source = iter(chunks)
        while True:
            while len(pending) < window and (chunk := next(source, None)) is not None:
                pending.append((chunk, self._submit(chunk)))
            if not pending:
                return
            chunk, future = pending[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                yield from self._recover(pending)
                continue
            pending.popleft()
            yield result

    def _submit(self, chunk: Sequence[T]) -> Future[list[R]]:
        try:
            return self.executor.submit(self.fn, chunk)
        except BrokenProcessPool as exc:  # a worker died since the last result: recover below
            future: Future[list[R]] = Future()
            future.set_exception(exc)
            return future

    def _recover(self, pending: deque[tuple[Sequence[T], Future[list[R]]]]) -> Iterator[list[R]]:
        """The pool died: keep what finished, re-run the other in-flight chunks item by item."""
        self._restart()
        while pending:
            chunk, future = pending.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
            else:
                yield [self._run_alone(item) for item in chunk]

    def _run_alone(self, item: T) -> R:
        try:
            return self.executor.submit(self.fn, [item]).result()[0]
        except BrokenProcessPool as exc:
            self._restart()
            return self.on_crash(item, exc)

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()
