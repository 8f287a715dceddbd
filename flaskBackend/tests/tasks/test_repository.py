"""SqlTaskRepository against the real PostgreSQL schema built by the migrations."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.repositories.rows import Filter, Order
from app.tasks.model import Task, TaskStatus
from app.tasks.repository import SqlTaskRepository
from tests.owned_contract import OwnedRepositoryContract
from tests.tasks.factories import TaskFactory


@pytest.fixture
def repository(session: Session) -> SqlTaskRepository:
    return SqlTaskRepository(session)


def test_get_returns_the_row_or_none(repository: SqlTaskRepository) -> None:
    task = TaskFactory()

    assert repository.get(task.id) is task
    assert repository.get(task.id + 1000) is None


def test_database_fills_defaults_and_timestamps(
    repository: SqlTaskRepository, session: Session, user: User
) -> None:
    from app.tasks.model import Task

    task = Task(title="Defaults", owner_id=user.id)
    repository.add(task)
    session.flush()

    assert (task.status, task.priority, task.version) == (TaskStatus.TODO, 3, 1)
    assert task.created_at.tzinfo is not None
    assert task.created_at == task.updated_at


def test_update_bumps_version_and_updated_at(
    repository: SqlTaskRepository, session: Session
) -> None:
    task = TaskFactory()
    created = task.updated_at
    session.commit()

    task.priority = 5
    session.commit()

    assert task.version == 2
    assert task.updated_at > created
    assert task.created_at == created


def test_find_filters_by_status_and_case_insensitive_title(repository: SqlTaskRepository) -> None:
    TaskFactory(title="Write REPORT", status=TaskStatus.DOING)
    TaskFactory(title="report bug", status=TaskStatus.DOING)
    TaskFactory(title="Report done", status=TaskStatus.DONE)
    TaskFactory(title="Other", status=TaskStatus.DOING)
    where = Filter(equal={"status": TaskStatus.DOING}, contains="report")

    found = repository.find(where, Order("title", descending=False), limit=10, offset=0)

    assert [t.title for t in found] == ["Write REPORT", "report bug"]
    assert repository.count(where) == 2


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_title_search_treats_sql_wildcards_as_plain_text(
    repository: SqlTaskRepository, wildcard: str
) -> None:
    TaskFactory(title=f"100{wildcard} done")
    TaskFactory(title="1000 done")

    found = repository.find(Filter(contains=f"0{wildcard}"), Order(), limit=10, offset=0)

    assert [t.title for t in found] == [f"100{wildcard} done"]


def test_find_pages_with_a_stable_tie_break(repository: SqlTaskRepository) -> None:
    tasks = TaskFactory.create_batch(5, priority=2)

    first = repository.find(Filter(), Order("priority", False), limit=2, offset=0)
    rest = repository.find(Filter(), Order("priority", False), limit=10, offset=2)

    assert [t.id for t in [*first, *rest]] == sorted(t.id for t in tasks)


def test_find_puts_tasks_without_due_date_last(repository: SqlTaskRepository) -> None:
    TaskFactory(title="none", due_date=None)
    TaskFactory(title="later", due_date=dt.date(2030, 1, 2))
    TaskFactory(title="sooner", due_date=dt.date(2030, 1, 1))

    ascending = repository.find(Filter(), Order("due_date", False), limit=3, offset=0)
    descending = repository.find(Filter(), Order("due_date", True), limit=3, offset=0)

    assert [t.title for t in ascending] == ["sooner", "later", "none"]
    assert [t.title for t in descending] == ["later", "sooner", "none"]


def test_find_refuses_an_unknown_sort_field(repository: SqlTaskRepository) -> None:
    with pytest.raises(ValueError, match="password"):
        repository.find(Filter(), Order("password"), limit=1, offset=0)


class TestTaskRepositoryKeepsTheOwnedResourceContract(OwnedRepositoryContract):
    model = Task
