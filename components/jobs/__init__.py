"""Infrastructure: private folders, storage without pickle, the shared results cache, uploaded catalogues,
the background job managers and the Celery worker's tasks."""
