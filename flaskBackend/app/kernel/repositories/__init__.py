"""Repositories: every query, in SQLAlchemy 2 select() style. They flush but never commit."""
