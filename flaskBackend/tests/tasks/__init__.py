"""Tasks: the tests of the resource, each on the common owned-resource contract."""
