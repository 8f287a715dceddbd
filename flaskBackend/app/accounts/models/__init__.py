"""The account tables: users, refresh sessions, password-reset tokens."""
