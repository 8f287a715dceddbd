"""Tasks: the example resource, a folder with its model, repository, service, schemas and
controller. Delete the folder (make remove-resource name=tasks) and the app has no tasks."""
