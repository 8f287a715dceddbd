"""The generator as a product: make resource, make field and make remove-resource run in a
temporary checkout, and the tests they write run there (make test runs these as its own step)."""
