"""The JSON shapes of accounts."""
