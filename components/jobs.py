"""Background jobs for long computations (Dash background callbacks, with progress and cancel).

With no services (a laptop): a disk queue in the temporary folder, run by processes of this machine.
With REDIS_URL set: Celery, with Redis as broker and result store; start workers with
`celery -A app:celery_app worker`. If Redis cannot be reached at start, the app says so and falls
back to the disk queue rather than failing.
"""

import logging
import os
import tempfile
from pathlib import Path

import diskcache
from dash import CeleryManager, DiskcacheManager

log = logging.getLogger(__name__)

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
JOBS_DIR = Path(os.environ.get("ORBITAL_JOBS_DIR", Path(tempfile.gettempdir()) / "orbital-compute-jobs"))
# A job whose worker dies is handed to another worker after this long (Redis visibility timeout), s.
REDELIVER_AFTER_S = float(os.environ.get("ORBITAL_JOB_REDELIVER_S", "30"))
# Results of finished jobs are kept this long, s.
RESULT_EXPIRES_S = 3600


def redis_problem(url):
    """None when Redis at `url` answers a ping, else why not (one line)."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except (redis.exceptions.RedisError, ValueError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def celery_for(url):
    """A Celery app on Redis at `url`: a job is acknowledged when done, so one cut short by a dying
    worker is run again by another, and results expire."""
    from celery import Celery

    app = Celery("orbital", broker=url, backend=url)
    app.conf.update(task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
                    broker_transport_options={"visibility_timeout": REDELIVER_AFTER_S},
                    result_expires=RESULT_EXPIRES_S, broker_connection_retry_on_startup=True)
    return app


def manager():
    """(background callback manager, Celery app or None, status line for the page)."""
    if REDIS_URL:
        problem = redis_problem(REDIS_URL)
        if problem is None:
            celery_app = celery_for(REDIS_URL)
            return CeleryManager(celery_app), celery_app, "Background jobs run on Celery workers (Redis)."
        log.warning("REDIS_URL %s cannot be reached (%s); background jobs run on this machine", REDIS_URL, problem)
        status = f"Redis at REDIS_URL cannot be reached ({problem}); background jobs run on this machine instead."
    else:
        status = "Background jobs run on this machine (disk queue)."
    JOBS_DIR.mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(str(JOBS_DIR))), None, status


BACKGROUND_MANAGER, CELERY_APP, STATUS = manager()
