"""The example's own rules, added by hand beside the generated contract tests: a done task
changes only to reopen (TaskService.before_update), and POST /api/tasks/{id}/complete."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.kernel.services.errors import InvalidInput, NotFound
from app.kernel.services.principal import Principal
from app.kernel.services.rows import Patch
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from app.tasks.model import Task, TaskStatus
from app.tasks.service import TaskService
from tests.factories import UserFactory, account_of
from tests.tasks.factories import TaskFactory

PROBLEM = "application/problem+json"


def changes(fields: dict[str, object]) -> Patch[Task]:
    return Patch(values=Task(**fields), fields=frozenset(fields))


def test_complete_marks_the_task_done_with_a_new_etag(client: FlaskClient) -> None:
    task = TaskFactory(status=TaskStatus.DOING)

    response = client.post(f"/api/tasks/{task.id}/complete")

    assert response.status_code == 200
    assert response.get_json()["status"] == "done"
    assert response.headers["ETag"] == '"2"'
    assert client.get(f"/api/tasks/{task.id}").get_json()["status"] == "done"


def test_complete_twice_changes_nothing_the_second_time(client: FlaskClient) -> None:
    task = TaskFactory(status=TaskStatus.DONE)

    response = client.post(f"/api/tasks/{task.id}/complete")

    assert (response.status_code, response.headers["ETag"]) == (200, '"1"')


def test_complete_of_another_users_or_a_missing_task_is_404(client: FlaskClient) -> None:
    theirs = TaskFactory(owner=UserFactory(), status=TaskStatus.TODO)

    for task_id in (theirs.id, 2_000_000_000):
        response = client.post(f"/api/tasks/{task_id}/complete")
        assert (response.status_code, response.mimetype) == (404, PROBLEM)
    assert client.get(f"/api/tasks/{theirs.id}").status_code == 404


def test_a_done_task_refuses_changes_but_reopens(client: FlaskClient) -> None:
    task = TaskFactory(title="Shipped", status=TaskStatus.DONE)
    url = f"/api/tasks/{task.id}"

    refused = client.patch(url, json={"title": "Renamed"})
    reopened = client.patch(url, json={"status": "todo"})
    renamed = client.patch(url, json={"title": "Renamed"})

    assert refused.status_code == 422
    assert refused.get_json()["errors"] == {
        "title": ["A done task cannot be changed: reopen it first."]
    }
    assert (reopened.status_code, renamed.status_code) == (200, 200)
    assert client.get(url).get_json()["title"] == "Renamed"


def test_a_done_task_keeps_its_fields_until_reopened(
    uow: SqlAlchemyUnitOfWork, me: Principal, session: Session
) -> None:
    task = TaskFactory(owner=account_of(me), status=TaskStatus.DONE, priority=2)
    service = TaskService(uow)

    with pytest.raises(InvalidInput) as refused:
        service.update(me, task.id, changes({"priority": 5}))
    service.update(me, task.id, changes({"status": TaskStatus.DONE, "priority": 2}))  # no change

    assert refused.value.field == "priority"
    kept = session.get(Task, task.id, populate_existing=True)
    assert kept is not None
    assert (kept.priority, kept.status, kept.version) == (2, TaskStatus.DONE, 1)


def test_complete_is_done_once_and_hides_other_owners_tasks(
    uow: SqlAlchemyUnitOfWork, me: Principal, stranger: Principal, session: Session
) -> None:
    task = TaskFactory(owner=account_of(me), status=TaskStatus.TODO)
    service = TaskService(uow)

    done = service.complete(me, task.id)
    again = service.complete(me, task.id)

    assert (done.status, again.version) == (TaskStatus.DONE, 2)
    with pytest.raises(NotFound):
        service.complete(stranger, task.id)
    kept = session.get(Task, task.id, populate_existing=True)
    assert kept is not None
    assert kept.status is TaskStatus.DONE
