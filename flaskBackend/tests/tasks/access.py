"""The tasks' endpoints of their own, in the authorisation matrix."""

from app.kernel.controllers.owned import ID_CONVERTER
from tests.access import Access

ACCESS = {
    ("POST", f"/api/tasks/<{ID_CONVERTER}:task_id>/complete"): Access("owner", 404),
}
