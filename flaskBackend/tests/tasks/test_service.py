"""TaskService's rules, over the real repositories in a rolled-back transaction: no HTTP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.kernel.services.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.rows import Patch
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from app.tasks.model import Task, TaskStatus
from app.tasks.service import TaskService
from tests.factories import account_of
from tests.owned_contract import OwnedServiceContract
from tests.tasks.factories import TaskFactory

Stored = Callable[[int], Task | None]


@pytest.fixture
def service(uow: SqlAlchemyUnitOfWork) -> TaskService:
    return TaskService(uow)


def new(fields: dict[str, object]) -> Task:
    return Task(**fields)


def changes(fields: dict[str, object]) -> Patch[Task]:
    return Patch(values=Task(**fields), fields=frozenset(fields))


def listing(status: TaskStatus | None = None, **query: object) -> Listing:
    return Listing(**query, filters={"status": status})  # type: ignore[arg-type]


def mine(me: Principal, title: str, **fields: object) -> Task:
    task: Task = TaskFactory(title=title, owner=account_of(me), **fields)
    return task


def test_create_stores_the_task(me: Principal, service: TaskService, stored: Stored) -> None:
    task = service.create(me, new({"title": "Write tests", "priority": 5}))

    kept = stored(task.id)
    assert kept is not None
    assert (kept.title, kept.priority, kept.status, kept.owner_id) == (
        "Write tests",
        5,
        TaskStatus.TODO,
        me.user_id,
    )


def test_create_with_a_taken_title_raises_conflict_and_stores_nothing(
    me: Principal, service: TaskService
) -> None:
    mine(me, "Write tests")

    with pytest.raises(Conflict, match="Write tests"):
        service.create(me, new({"title": "Write tests"}))
    assert service.list(me, listing()).total == 1


def test_get_unknown_task_raises_not_found(me: Principal, service: TaskService) -> None:
    with pytest.raises(NotFound, match="42"):
        service.get(me, 42)


def test_update_changes_only_the_given_fields(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Old", description="keep me", priority=2)

    service.update(me, task.id, changes({"title": "New", "status": TaskStatus.DONE}))

    kept = stored(task.id)
    assert kept is not None
    assert (kept.title, kept.status, kept.description, kept.priority, kept.version) == (
        "New",
        TaskStatus.DONE,
        "keep me",
        2,
        2,
    )


def test_update_to_another_tasks_title_raises_conflict_and_changes_nothing(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    mine(me, "Taken")
    task = mine(me, "Mine")

    with pytest.raises(Conflict):
        service.update(me, task.id, changes({"title": "Taken", "priority": 1}))
    kept = stored(task.id)
    assert kept is not None
    assert (kept.title, kept.priority) == ("Mine", 3)


def test_update_keeping_its_own_title_is_no_conflict(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Mine")

    service.update(me, task.id, changes({"title": "Mine", "priority": 1}))

    kept = stored(task.id)
    assert kept is not None
    assert kept.priority == 1


def test_update_with_a_stale_version_raises_precondition_failed_and_changes_nothing(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Mine")
    service.update(
        me, task.id, changes({"priority": 4})
    )  # someone else saved it meanwhile: version 2

    with pytest.raises(PreconditionFailed, match="version 2"):
        service.update(me, task.id, changes({"title": "Theirs"}), if_version_in={1})
    kept = stored(task.id)
    assert kept is not None
    assert (kept.title, kept.version) == ("Mine", 2)


def test_update_with_the_current_version_succeeds(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Mine")

    service.update(me, task.id, changes({"title": "Still mine"}), if_version_in={task.version})

    kept = stored(task.id)
    assert kept is not None
    assert kept.title == "Still mine"


def test_delete_removes_the_task(me: Principal, service: TaskService, stored: Stored) -> None:
    task = mine(me, "Gone soon")

    service.delete(me, task.id)

    assert stored(task.id) is None


def test_delete_with_a_stale_version_keeps_the_task(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Keep")

    with pytest.raises(PreconditionFailed):
        service.delete(me, task.id, if_version_in={99})
    assert stored(task.id) is not None


def test_delete_unknown_task_raises_not_found(me: Principal, service: TaskService) -> None:
    with pytest.raises(NotFound):
        service.delete(me, 7)


def test_list_filters_sorts_and_pages(me: Principal, service: TaskService) -> None:
    for priority in (3, 1, 5, 2):
        mine(me, f"Report {priority}", priority=priority)
    mine(me, "Other report", priority=4, status=TaskStatus.DONE)

    page = service.list(
        me, listing(page=2, per_page=2, status=TaskStatus.TODO, search="REPORT", sort="priority")
    )

    assert [t.priority for t in page.items] == [3, 5]
    assert (page.total, page.page, page.per_page) == (4, 2, 2)


def test_list_sorts_descending_with_a_minus_prefix(me: Principal, service: TaskService) -> None:
    for priority in (3, 1, 5):
        mine(me, f"T{priority}", priority=priority)

    page = service.list(me, listing(sort="-priority"))

    assert [t.priority for t in page.items] == [5, 3, 1]


def test_list_breaks_ties_by_id_so_pages_never_overlap(me: Principal, service: TaskService) -> None:
    tasks = [mine(me, f"Same {n}", priority=2) for n in range(5)]

    pages = [
        service.list(me, listing(sort="priority", page=n, per_page=2)).items for n in (1, 2, 3)
    ]

    assert [t.id for page in pages for t in page] == [t.id for t in tasks]


def test_list_puts_tasks_without_a_due_date_last_either_way(
    me: Principal, service: TaskService
) -> None:
    undated = mine(me, "Undated")
    soon = mine(me, "Soon", due_date=dt.date(2026, 1, 1))
    later = mine(me, "Later", due_date=dt.date(2026, 6, 1))

    ascending = [t.id for t in service.list(me, listing(sort="due_date")).items]
    descending = [t.id for t in service.list(me, listing(sort="-due_date")).items]

    assert ascending == [soon.id, later.id, undated.id]
    assert descending == [later.id, soon.id, undated.id]


def test_another_users_task_is_not_found_and_unchanged(
    me: Principal, stranger: Principal, service: TaskService, stored: Stored
) -> None:
    theirs = mine(stranger, "Theirs")

    with pytest.raises(NotFound):
        service.get(me, theirs.id)
    with pytest.raises(NotFound):
        service.update(me, theirs.id, changes({"title": "Mine now"}))
    with pytest.raises(NotFound):
        service.delete(me, theirs.id)
    kept = stored(theirs.id)
    assert kept is not None
    assert kept.title == "Theirs"


def test_titles_are_unique_per_owner(
    me: Principal, stranger: Principal, service: TaskService
) -> None:
    mine(stranger, "Buy milk")

    assert service.create(me, new({"title": "Buy milk"})).owner_id == me.user_id


def test_list_shows_only_my_tasks_but_everything_to_an_admin(
    me: Principal, stranger: Principal, admin: Principal, service: TaskService
) -> None:
    mine(me, "Mine")
    mine(stranger, "Theirs")

    assert [t.title for t in service.list(me, listing()).items] == ["Mine"]
    assert service.list(admin, listing()).total == 2


class TestTaskServiceKeepsTheOwnedResourceContract(OwnedServiceContract):
    model = Task


def test_a_done_task_keeps_its_fields_until_reopened(
    me: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Shipped", status=TaskStatus.DONE, priority=2)

    with pytest.raises(InvalidInput) as refused:
        service.update(me, task.id, changes({"priority": 5}))
    service.update(me, task.id, changes({"status": TaskStatus.DONE, "priority": 2}))  # no change

    assert refused.value.field == "priority"
    kept = stored(task.id)
    assert kept is not None
    assert (kept.priority, kept.status) == (2, TaskStatus.DONE)


def test_complete_is_done_once_and_hides_other_owners_tasks(
    me: Principal, stranger: Principal, service: TaskService, stored: Stored
) -> None:
    task = mine(me, "Write it", status=TaskStatus.TODO)

    done = service.complete(me, task.id)
    again = service.complete(me, task.id)

    assert (done.status, again.version) == (TaskStatus.DONE, 2)
    with pytest.raises(NotFound):
        service.complete(stranger, task.id)
    kept = stored(task.id)
    assert kept is not None
    assert kept.status is TaskStatus.DONE
