"""The /api/tasks endpoints through the Flask test client, on the real database."""

from __future__ import annotations

from flask.testing import FlaskClient

from app.tasks.model import Task, TaskStatus
from tests.factories import UserFactory
from tests.owned_contract import OwnedApiContract
from tests.tasks.factories import TaskFactory

PROBLEM = "application/problem+json"


def test_create_returns_201_with_location_etag_and_defaults(client: FlaskClient) -> None:
    response = client.post("/api/tasks", json={"title": "  Write docs  "})

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/tasks/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["title"] == "Write docs"
    assert (body["status"], body["priority"], body["description"], body["due_date"]) == (
        "todo",
        3,
        None,
        None,
    )
    assert client.get(response.headers["Location"]).get_json() == body


def test_create_accepts_every_field(client: FlaskClient) -> None:
    sent = {
        "title": "Plan",
        "description": "Details",
        "status": "doing",
        "priority": 5,
        "due_date": "2030-12-31",
    }

    body = client.post("/api/tasks", json=sent).get_json()

    assert {key: body[key] for key in sent} == sent


def test_get_returns_the_task_with_its_etag(client: FlaskClient) -> None:
    task = TaskFactory(title="Read", priority=4)

    response = client.get(f"/api/tasks/{task.id}")

    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{task.version}"'
    assert response.get_json()["title"] == "Read"


def test_get_unknown_task_is_404_problem(client: FlaskClient) -> None:
    response = client.get("/api/tasks/999999")

    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    assert response.get_json()["detail"] == "Task 999999 does not exist."


def test_patch_changes_only_the_fields_sent_and_bumps_the_etag(client: FlaskClient) -> None:
    task = TaskFactory(title="Old", description="Keep", priority=2)

    response = client.patch(f"/api/tasks/{task.id}", json={"status": "done", "due_date": None})

    assert response.status_code == 200
    body = response.get_json()
    assert (body["title"], body["description"], body["priority"], body["status"]) == (
        "Old",
        "Keep",
        2,
        "done",
    )
    assert response.headers["ETag"] == '"2"'


def test_patch_can_clear_the_description(client: FlaskClient) -> None:
    task = TaskFactory(description="Remove me")

    body = client.patch(f"/api/tasks/{task.id}", json={"description": None}).get_json()

    assert body["description"] is None


def test_patch_with_matching_if_match_succeeds(client: FlaskClient) -> None:
    task = TaskFactory()
    etag = client.get(f"/api/tasks/{task.id}").headers["ETag"]

    response = client.patch(
        f"/api/tasks/{task.id}", json={"priority": 1}, headers={"If-Match": etag}
    )

    assert response.status_code == 200


def test_patch_with_stale_etag_returns_412_and_changes_nothing(client: FlaskClient) -> None:
    task = TaskFactory(title="Original")
    stale = client.get(f"/api/tasks/{task.id}").headers["ETag"]
    client.patch(f"/api/tasks/{task.id}", json={"priority": 1})

    response = client.patch(
        f"/api/tasks/{task.id}", json={"title": "Overwrite"}, headers={"If-Match": stale}
    )

    assert response.status_code == 412
    assert response.mimetype == PROBLEM
    assert client.get(f"/api/tasks/{task.id}").get_json()["title"] == "Original"


def test_if_match_star_or_garbage(client: FlaskClient) -> None:
    task = TaskFactory()
    url = f"/api/tasks/{task.id}"

    assert client.patch(url, json={"priority": 2}, headers={"If-Match": "*"}).status_code == 200
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": '"abc"'}).status_code == 412
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": 'W/"2"'}).status_code == 412
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": '""'}).status_code == 412
    assert client.delete(url, headers={"If-Match": '"9' + "9" * 30 + '"'}).status_code == 412


def test_patch_to_a_taken_title_is_409_and_changes_nothing(client: FlaskClient) -> None:
    TaskFactory(title="Taken")
    task = TaskFactory(title="Mine")

    response = client.patch(f"/api/tasks/{task.id}", json={"title": "Taken"})

    assert response.status_code == 409
    # The value sent, not the stored one the rollback brings back.
    assert response.get_json()["detail"] == "A task with the title 'Taken' already exists."
    assert client.get(f"/api/tasks/{task.id}").get_json()["title"] == "Mine"


def test_create_with_a_taken_title_is_409(client: FlaskClient) -> None:
    TaskFactory(title="Taken")

    response = client.post("/api/tasks", json={"title": "Taken"})

    assert response.status_code == 409
    assert response.get_json()["title"] == "Conflict"
    assert response.get_json()["detail"] == "A task with the title 'Taken' already exists."
    assert client.get("/api/tasks").get_json()["total"] == 1


def test_delete_returns_204_then_the_task_is_gone(client: FlaskClient) -> None:
    task = TaskFactory()

    response = client.delete(f"/api/tasks/{task.id}")

    assert response.status_code == 204
    assert response.data == b""
    assert client.get(f"/api/tasks/{task.id}").status_code == 404


def test_delete_with_stale_etag_returns_412_and_keeps_the_task(client: FlaskClient) -> None:
    task = TaskFactory()

    response = client.delete(f"/api/tasks/{task.id}", headers={"If-Match": '"7"'})

    assert response.status_code == 412
    assert client.get(f"/api/tasks/{task.id}").status_code == 200


def test_list_returns_the_page_envelope_newest_first(client: FlaskClient) -> None:
    first, second = TaskFactory(title="first"), TaskFactory(title="second")

    body = client.get("/api/tasks").get_json()

    assert body["total"] == 2
    assert (body["page"], body["per_page"]) == (1, 20)
    assert [t["id"] for t in body["items"]] == [second.id, first.id]


def test_list_pages_through_everything_once(client: FlaskClient) -> None:
    TaskFactory.create_batch(7)

    pages = [client.get(f"/api/tasks?per_page=3&page={n}").get_json() for n in (1, 2, 3, 4)]

    ids = [t["id"] for page in pages for t in page["items"]]
    assert [len(page["items"]) for page in pages] == [3, 3, 1, 0]
    assert len(set(ids)) == 7
    assert {page["total"] for page in pages} == {7}


def test_list_filters_by_status_and_search(client: FlaskClient) -> None:
    TaskFactory(title="Fix login bug", status=TaskStatus.DOING)
    TaskFactory(title="Fix signup BUG", status=TaskStatus.TODO)
    TaskFactory(title="Write docs", status=TaskStatus.DOING)

    body = client.get("/api/tasks?status=doing&q=bug").get_json()

    assert [t["title"] for t in body["items"]] == ["Fix login bug"]
    assert body["total"] == 1


def test_list_with_an_empty_search_lists_everything(client: FlaskClient) -> None:
    TaskFactory.create_batch(2)

    assert client.get("/api/tasks?q=").get_json()["total"] == 2


def test_list_sorts_by_an_allowed_field(client: FlaskClient) -> None:
    for priority in (2, 5, 1):
        TaskFactory(priority=priority)

    ascending = client.get("/api/tasks?sort=priority").get_json()["items"]
    descending = client.get("/api/tasks?sort=-priority").get_json()["items"]

    assert [t["priority"] for t in ascending] == [1, 2, 5]
    assert [t["priority"] for t in descending] == [5, 2, 1]


class TestTasksKeepTheOwnedResourceContract(OwnedApiContract):
    model = Task
    change = {"priority": 1}
    refused = {
        "title": ["", "   ", "x" * 201, 5, None],
        "description": ["x" * 10_001, 7],
        "status": ["later", None],
        "priority": [0, 6, "3", 2.5, True, None],
        "due_date": ["2026-02-30", "tomorrow", 20260101],
    }


def test_a_taken_title_is_named_under_its_field(client: FlaskClient) -> None:
    TaskFactory(title="Taken")

    response = client.post("/api/tasks", json={"title": "Taken"})

    assert response.get_json()["errors"] == {
        "title": ["A task with the title 'Taken' already exists."]
    }


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
    theirs = TaskFactory(owner=UserFactory())

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
