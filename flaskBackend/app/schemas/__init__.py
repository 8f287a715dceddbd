"""Marshmallow schemas: the HTTP shapes, read by controllers and by the OpenAPI spec."""
