"""Marshmallow schemas every feature shares: rows, pages, problems."""
