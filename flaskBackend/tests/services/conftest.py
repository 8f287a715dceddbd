"""Services over the real repositories, inside the test's rolled-back transaction.

The callers (me, stranger, admin) are in tests/conftest.py."""
