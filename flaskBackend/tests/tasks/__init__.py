"""The tasks example: its API, service and repository, each on the shared contract."""
