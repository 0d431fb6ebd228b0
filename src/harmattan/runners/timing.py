"""Where a long job's time goes: wall and CPU seconds per phase, in this process and on the workers.

A parallel job that scales badly loses its time somewhere specific: the coordinating
process doing serial work while the workers wait, or waiting itself while they work,
or the workers spending CPU on something else than the work. Wall time alone cannot
tell these apart on a loaded machine; CPU seconds per phase and per side can.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


def _now() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


@dataclass
class PhaseClock:
    """Wall and CPU seconds of this process per named phase.

    Phases nest: entering one pauses the enclosing one, so every second is charged to
    exactly one phase (the innermost). CPU time is the whole process's, helper threads
    included (e.g. a process pool's thread that pickles tasks and unpickles results).
    """

    wall: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    #: CPU seconds spent on the workers inside the tasks, by phase (reported by the tasks).
    worker_cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    #: (wall, CPU) seconds now; replaceable for tests.
    now: Callable[[], tuple[float, float]] = field(default=_now, repr=False)
    _stack: list[str] = field(default_factory=list, repr=False)
    _mark: tuple[float, float] = (0.0, 0.0)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        now = self.now()
        if self._stack:
            self._charge(self._stack[-1], now)
        self._stack.append(name)
        self._mark = now
        try:
            yield
        finally:
            now = self.now()
            self._charge(self._stack.pop(), now)
            self._mark = now

    def timed(self, name: str, items: Iterable[T]) -> Iterator[T]:
        """``items``, with the time spent producing each one charged to ``name``."""
        iterator = iter(items)
        while True:
            with self.phase(name):
                item = next(iterator, _END)
            if item is _END:
                return
            yield item  # type: ignore[misc]

    def add_worker_cpu(self, name: str, seconds: float) -> None:
        self.worker_cpu[name] += seconds

    def summary(self) -> str:
        """One line: wall/CPU seconds of each phase here, then the workers' CPU seconds per task kind."""
        here = ", ".join(f"{name} {self.wall[name]:.2f}/{self.cpu[name]:.2f}" for name in self.wall)
        workers = ", ".join(f"{name} {seconds:.2f}" for name, seconds in self.worker_cpu.items())
        return f"wall/CPU s here: {here or 'none'}; worker CPU s: {workers or 'none'}"

    def _charge(self, name: str, now: tuple[float, float]) -> None:
        self.wall[name] += now[0] - self._mark[0]
        self.cpu[name] += now[1] - self._mark[1]


_END = object()
