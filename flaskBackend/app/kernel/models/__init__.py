"""Typed SQLAlchemy models every feature shares: the Base, the owned-row columns."""
