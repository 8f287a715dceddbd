"""TaskService's rules, over in-memory fakes: no database, no HTTP."""

from __future__ import annotations

import pytest

from app.models import Task, TaskStatus
from app.services.errors import Conflict, NotFound, PreconditionFailed
from app.services.tasks import TaskService
from tests.unit.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def service(uow: FakeUnitOfWork) -> TaskService:
    return TaskService(uow)


def add(uow: FakeUnitOfWork, title: str, **fields: object) -> Task:
    task = Task(title=title, **fields)
    uow.tasks.add(task)
    return task


def test_create_stores_the_task_and_commits(service: TaskService, uow: FakeUnitOfWork) -> None:
    task = service.create({"title": "Write tests", "priority": 5})

    assert uow.tasks.get(task.id) is task
    assert task.priority == 5
    assert uow.commits == 1


def test_create_with_a_taken_title_raises_conflict_and_commits_nothing(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    add(uow, "Write tests")

    with pytest.raises(Conflict, match="Write tests"):
        service.create({"title": "Write tests"})
    assert uow.commits == 0
    assert len(uow.tasks.rows) == 1


def test_get_unknown_task_raises_not_found(service: TaskService) -> None:
    with pytest.raises(NotFound, match="42"):
        service.get(42)


def test_update_changes_only_the_given_fields(service: TaskService, uow: FakeUnitOfWork) -> None:
    task = add(uow, "Old", description="keep me", priority=2)

    service.update(task.id, {"title": "New", "status": TaskStatus.DONE})

    assert (task.title, task.status, task.description, task.priority) == (
        "New",
        TaskStatus.DONE,
        "keep me",
        2,
    )
    assert uow.commits == 1


def test_update_to_another_tasks_title_raises_conflict(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    add(uow, "Taken")
    task = add(uow, "Mine")

    with pytest.raises(Conflict):
        service.update(task.id, {"title": "Taken"})
    assert task.title == "Mine"
    assert uow.commits == 0


def test_update_keeping_its_own_title_is_no_conflict(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    task = add(uow, "Mine")

    service.update(task.id, {"title": "Mine", "priority": 1})

    assert task.priority == 1


def test_update_with_a_stale_version_raises_precondition_failed_and_changes_nothing(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    task = add(uow, "Mine")
    task.version = 2  # someone else saved it meanwhile

    with pytest.raises(PreconditionFailed):
        service.update(task.id, {"title": "Theirs"}, if_version_in={1})
    assert task.title == "Mine"
    assert uow.commits == 0


def test_update_with_the_current_version_succeeds(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    task = add(uow, "Mine")

    service.update(task.id, {"title": "Still mine"}, if_version_in={task.version})

    assert task.title == "Still mine"


def test_delete_removes_the_task(service: TaskService, uow: FakeUnitOfWork) -> None:
    task = add(uow, "Gone soon")

    service.delete(task.id)

    assert uow.tasks.get(task.id) is None
    assert uow.commits == 1


def test_delete_with_a_stale_version_keeps_the_task(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    task = add(uow, "Keep")

    with pytest.raises(PreconditionFailed):
        service.delete(task.id, if_version_in={99})
    assert uow.tasks.get(task.id) is task


def test_delete_unknown_task_raises_not_found(service: TaskService) -> None:
    with pytest.raises(NotFound):
        service.delete(7)


def test_list_filters_sorts_and_pages(service: TaskService, uow: FakeUnitOfWork) -> None:
    for priority in (3, 1, 5, 2):
        add(uow, f"Report {priority}", priority=priority)
    add(uow, "Other", priority=4, status=TaskStatus.DONE)

    page = service.list(
        page=2, per_page=2, status=TaskStatus.TODO, search="report", sort="priority"
    )

    assert [t.priority for t in page.items] == [3, 5]
    assert (page.total, page.page, page.per_page) == (4, 2, 2)


def test_list_sorts_descending_with_a_minus_prefix(
    service: TaskService, uow: FakeUnitOfWork
) -> None:
    for priority in (3, 1, 5):
        add(uow, f"T{priority}", priority=priority)

    page = service.list(sort="-priority")

    assert [t.priority for t in page.items] == [5, 3, 1]


def test_every_read_rolls_back(service: TaskService, uow: FakeUnitOfWork) -> None:
    service.list()
    with pytest.raises(NotFound):
        service.get(1)

    assert (uow.commits, uow.rollbacks) == (0, 2)
