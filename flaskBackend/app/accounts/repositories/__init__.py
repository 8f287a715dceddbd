"""The account queries. They flush but never commit."""
