from __future__ import annotations

from collections.abc import Iterator

import pytest

from harmattan.runners.timing import PhaseClock


class FakeTime:
    """A clock that moves only when told: wall and CPU advance by what each step says."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    def __call__(self) -> tuple[float, float]:
        return self.wall, self.cpu

    def spend(self, wall: float, cpu: float) -> None:
        self.wall += wall
        self.cpu += cpu


def test_nested_phases_charge_each_second_to_the_innermost_one() -> None:
    time = FakeTime()
    clock = PhaseClock(now=time)
    with clock.phase("extract"):
        time.spend(1.0, 0.1)  # waiting for workers: wall passes, little CPU here
        with clock.phase("store"):
            time.spend(0.5, 0.4)
        time.spend(2.0, 0.2)
    assert clock.wall == pytest.approx({"extract": 3.0, "store": 0.5})
    assert clock.cpu == pytest.approx({"extract": 0.3, "store": 0.4})


def test_timed_charges_producing_each_item_to_its_phase() -> None:
    time = FakeTime()
    clock = PhaseClock(now=time)

    def pages() -> Iterator[int]:
        for page in range(3):
            time.spend(0.25, 0.25)  # reading a page
            yield page

    consumed = []
    with clock.phase("wait"):
        for page in clock.timed("read", pages()):
            time.spend(1.0, 0.0)
            consumed.append(page)
    assert consumed == [0, 1, 2]
    assert clock.wall == pytest.approx({"wait": 3.0, "read": 0.75})
    assert clock.cpu == pytest.approx({"wait": 0.0, "read": 0.75})
    clock.add_worker_cpu("extract", 1.5)
    clock.add_worker_cpu("extract", 0.5)
    assert clock.worker_cpu == {"extract": 2.0}
    assert clock.summary() == "wall/CPU s here: wait 3.00/0.00, read 0.75/0.75; worker CPU s: extract 2.00"
