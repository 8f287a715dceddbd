"""/api/tasks: the owned-resource contract, and what each field refuses."""

from app.tasks.model import Task
from tests.owned_contract import OwnedApiContract


class TestTasksApi(OwnedApiContract):
    model = Task
    change = {"title": "Changed"}
    refused = {
        "title": [None, 5, "x" * 201, "", "   "],
        "description": [7, "x" * 10001],
        "status": [None, "not_a_choice", 1],
        "priority": [None, "3", 2.5, True, 0, 6],
        "due_date": ["2026-02-30", "tomorrow", 20260101],
    }
