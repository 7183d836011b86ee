"""The shipped default campaign (Bình Phước, letters 000 and 001) under the names tests use."""

from __future__ import annotations

from collections.abc import Iterator

from bot.campaigns import bundled
from bot.domain.campaign import Task
from bot.domain.people import Person
from bot.textnorm import header_key

BP = bundled()


def _task(code: str) -> Task:
    task = BP.task(code)
    assert task is not None, code
    return task


class _Codes(type):
    def __iter__(cls) -> Iterator[Task]:
        return iter(BP.tasks)

    def __call__(cls, code: str) -> Task:  # type: ignore[override]
        return _task(code)


class TaskCode(metaclass=_Codes):
    """The default campaign's tasks, by the names of the enum they replaced."""

    MODULE1 = _task("module1")
    TEMIS_SELF = _task("temis_self")
    TEMIS_EVAL = _task("temis_eval")
    PLAN_M2 = _task("plan_m2")
    PLAN_M3 = _task("plan_m3")
    PLAN_M4 = _task("plan_m4")
    PLAN_M5 = _task("plan_m5")
    PLAN_M9 = _task("plan_m9")
    REPORT_M2 = _task("report_m2")
    REPORT_M3 = _task("report_m3")
    REPORT_M4 = _task("report_m4")
    REPORT_M5 = _task("report_m5")


PLAN_TASKS = tuple(t for t in BP.tasks if t.group == "plan")
REPORT_TASKS = tuple(t for t in BP.tasks if t.is_review and t.group == "report")


def tasks_for(person: Person) -> list[Task]:
    return BP.tasks_for(person)


def task_for_header(text: str) -> Task | None:
    column = BP.columns().get(header_key(text))
    return column[0] if column and column[1] is None else None
