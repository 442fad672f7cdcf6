"""The Celery side of background jobs, for a worker that builds no page:

    REDIS_URL=redis://host:6379/0 celery -A components.jobs.tasks:celery_app worker

Importing this module defines the Celery app and the `orbital.fleet_chunk` and `orbital.traffic_chunk`
tasks, nothing more.
When a worker starts (Celery's celeryd_init), start_worker registers the dashboard's background
callbacks (components.ui.register, the modules of ui.BACKGROUND_MODULES) and starts the job managers,
which makes those callbacks Celery tasks; no Dash app is built and no layout imported."""

import os
import socket

from celery import signals

from . import manager as jobs
from .. import ui
from ..model.engine import fleet_year_chunk, traffic_chunk
from ..model.state import ViewState

celery_app = jobs.celery_app()


@celery_app.task(name=jobs.FLEET_CHUNK_TASK, track_started=True)
def fleet_chunk(view_data, index):
    """One chunk of a fleet year (planes at satellite indices `index`) as a Celery task: JSON in and out."""
    stats = fleet_year_chunk(ViewState.from_store(view_data), index)
    return {**{key: values.tolist() for key, values in stats.items()},
            "process": f"{socket.gethostname()}:{os.getpid()}"}


@celery_app.task(name=jobs.TRAFFIC_CHUNK_TASK, track_started=True)
def screen_chunk(view_data, chunk):
    """One chunk of a traffic job's screening as a Celery task: JSON in, its summary out."""
    return {**traffic_chunk(ViewState.from_store(view_data), chunk), "process": f"{socket.gethostname()}:{os.getpid()}"}


@signals.celeryd_init.connect
def start_worker(**_):
    """At a worker's start: define the background callbacks and start the job managers."""
    ui.register(ui.BACKGROUND_MODULES)
    jobs.start()
