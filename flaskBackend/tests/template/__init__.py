"""A project started from this repository with copier, for each option, and one copier update:
the generated projects' own checks and tests run (make test-template; not in make test)."""
