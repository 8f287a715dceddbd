"""The shared kernel: what every feature uses and none owns. It imports no feature.

Database and unit of work, errors and problem+json, settings, logging, metrics and tracing,
and the owned-resource machinery (models/owned.py ... controllers/owned.py)."""
