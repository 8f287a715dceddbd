"""Tasks: a resource folder (written by make resource). Every file here is yours to edit."""
