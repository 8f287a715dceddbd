"""A resource of the tests' own (notes): the kernel is tested on it, not on the app's example."""
