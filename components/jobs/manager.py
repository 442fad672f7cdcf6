"""Background jobs for long computations (Dash background callbacks, with progress and cancel).

With no services (a laptop): a disk queue in a private folder (ORBITAL_JOBS_DIR, components/jobs/folders.py),
kept as JSON (storage.JsonDisk: nothing there is unpickled), run by processes of this machine.
With REDIS_URL set: Celery, with Redis as broker and result store; start workers with
`celery -A components.jobs.tasks:celery_app worker`. Whenever Redis cannot be reached (at start or later), jobs run
on the disk queue instead and the page says so; a job already handed to Celery when Redis goes away
is reported as failed, with the reason, next to its button.
"""

import fcntl
import logging
import os
import socket
import threading
import time
from contextlib import contextmanager
from functools import cache

import diskcache
from dash import CeleryManager, DiskcacheManager
from dash.background_callback.managers import BaseBackgroundCallbackManager

from .. import settings
from . import folders
from .storage import JsonDisk

log = logging.getLogger(__name__)

REDIS_URL = settings.REDIS_URL.value()
# A job whose worker dies is handed to another worker after this long (Redis visibility timeout), s:
# longer than the longest job (a job still running then is handed out again, and its copy waits for
# the first's shared result).
REDELIVER_AFTER_S = settings.JOB_REDELIVER_S.value()
# Most job processes of the disk queue on this machine (ORBITAL_JOBS_MAX, default: the number of cores).
MAX_JOBS = settings.JOBS_MAX.value()
# Results of finished jobs are kept this long, s (ORBITAL_JOB_RESULTS_S).
RESULT_EXPIRES_S = settings.JOB_RESULTS_S.value()
# Name of the Celery task computing one chunk of a fleet year (components/jobs/tasks.py).
FLEET_CHUNK_TASK = "orbital.fleet_chunk"
# Name of the Celery task screening one chunk of a traffic job (components/jobs/tasks.py).
TRAFFIC_CHUNK_TASK = "orbital.traffic_chunk"
# Redis's answer (reachable or why not) is trusted this long before asking again, s.
REDIS_CHECK_S = 5.0
# Connecting to and waiting on Redis give up after this long, s.
REDIS_TIMEOUT_S = 2.0


def redis_errors():
    """The exceptions that mean Redis (or the broker connection to it) is not there."""
    import kombu.exceptions
    import redis

    return (redis.exceptions.RedisError, kombu.exceptions.OperationalError, OSError)


def redis_problem(url):
    """None when Redis at `url` answers a ping, else why not (one line)."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT_S, socket_timeout=REDIS_TIMEOUT_S).ping()
    except (*redis_errors(), ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


_checked = {"at": -REDIS_CHECK_S, "problem": None}


def current_redis_problem():
    """redis_problem(REDIS_URL), asked at most every REDIS_CHECK_S in this process; None when no REDIS_URL."""
    if not REDIS_URL:
        return None
    now = time.monotonic()
    if now - _checked["at"] >= REDIS_CHECK_S:
        _checked.update(at=now, problem=redis_problem(REDIS_URL))
        if _checked["problem"]:
            log.warning("REDIS_URL cannot be reached (%s); jobs and results stay on this machine", _checked["problem"])
    return _checked["problem"]


def redis_failed(exc):
    """Note that Redis just failed (`exc`), so the next calls go to this machine at once."""
    _checked.update(at=time.monotonic(), problem=f"{type(exc).__name__}: {exc}")
    log.warning("Redis failed (%s); jobs and results stay on this machine", _checked["problem"])


def status_line():
    """Where background jobs run now, for the page (one line)."""
    if not REDIS_URL:
        return "Background jobs run on this machine (disk queue)."
    problem = current_redis_problem()
    if problem:
        return f"Redis at REDIS_URL cannot be reached ({problem}); background jobs run on this machine instead."
    return "Background jobs run on Celery workers (Redis)."


def celery_for(url):
    """A Celery app on Redis at `url`: a job is acknowledged when done, so one cut short by a dying
    worker is run again by another, and results expire."""
    from celery import Celery

    app = Celery("orbital", broker=url, backend=url)
    socket = {"socket_connect_timeout": REDIS_TIMEOUT_S, "socket_timeout": REDIS_TIMEOUT_S}
    app.conf.update(task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
                    broker_transport_options={"visibility_timeout": REDELIVER_AFTER_S, **socket},
                    redis_socket_connect_timeout=REDIS_TIMEOUT_S, redis_socket_timeout=REDIS_TIMEOUT_S,
                    task_publish_retry=False, result_expires=RESULT_EXPIRES_S,
                    broker_connection_retry_on_startup=True)
    return app


class JobManager(BaseBackgroundCallbackManager):
    """Jobs on Celery while Redis answers (with REDIS_URL), on the disk queue otherwise, and bounded:
    at most MAX_JOBS job processes of the disk queue on this machine, and one running job per page
    (Dash's signed endId). A job over either bound is refused at once, with the reason shown next to
    its button, and starts no process. A job's handle says what became of it ('celery:ID',
    'disk:PID' or 'refused:REASON'); results, progress and side updates are looked for in both queues."""

    FAILED = "background_callback_error"
    SLOTS = "orbital:job-slots"  # {pid: page} of the disk queue's running jobs, in its cache
    REFUSED = "orbital:refused:"  # + a job's cache key: why it was refused (for result_ready)
    STOPPED = "orbital:stopped:"  # + a disk-queue job's pid: stopped on purpose (cancelled, or its answer read)

    def __init__(self, celery_manager, disk_manager):
        self.celery, self.disk = celery_manager, disk_manager
        # Per request thread: whether get_result found its disk job still running. Dash asks job_running
        # right after get_result and ends a job that answered nothing and runs no more in silence, so
        # both must give one answer: a process dying between the two questions is reported, not lost.
        self._running_seen = threading.local()
        super().__init__(None)

    def make_job_fn(self, fn, progress, key=None):
        """The key under which both managers hold the job function."""
        return key  # the two managers hold the job functions; call_job_fn picks one by this key

    def call_job_fn(self, key, job_fn, args, context):
        """Start a job on Celery while Redis answers, else on the disk queue within its bounds; its
        handle says which, or why it was refused."""
        if self.celery is not None and current_redis_problem() is None:
            try:
                return "celery:" + self.celery.call_job_fn(key, self.celery.func_registry[job_fn], args, context)
            except redis_errors() as exc:
                redis_failed(exc)
        page = str((context.get("args") or {}).get("endId") or "")
        with diskcache.Lock(self.disk.handle, self.SLOTS + ":lock", expire=30):
            running = {pid: owner for pid, owner in (self.disk.handle.get(self.SLOTS) or {}).items()
                       if self.disk.job_running(pid)}
            reason = None
            if page and page in running.values():
                reason = "this page already runs a job; wait for it, or cancel it, first"
            elif len(running) >= MAX_JOBS:
                reason = (f"this server already runs {len(running)} jobs, its most (ORBITAL_JOBS_MAX); "
                          "try again when one ends")
            if reason:
                self.disk.handle.set(self.REFUSED + key, reason, expire=RESULT_EXPIRES_S)
                return f"refused:{reason}"
            pid = self.disk.call_job_fn(key, self.disk.func_registry[job_fn], args, context)
            running[str(pid)] = page
            self.disk.handle.set(self.SLOTS, running)
        return f"disk:{pid}"

    def _on_celery(self, method, *args, default=None):
        """self.celery.method(*args), or `default` when there is no Celery or Redis is not there."""
        if self.celery is None or current_redis_problem() is not None:
            return default
        try:
            return getattr(self.celery, method)(*args)
        except redis_errors() as exc:
            redis_failed(exc)
            return default

    @staticmethod
    def _split(job):
        kind, _, ident = str(job).partition(":")
        return kind, ident

    def terminate_job(self, job):
        """Stop a job wherever it runs; on the disk queue only a process this pool started (so even a
        forged handle cannot have the server kill another process)."""
        if job is None:
            return
        kind, ident = self._split(job)
        if kind == "disk" and ident in (self.disk.handle.get(self.SLOTS) or {}):
            self.disk.handle.set(self.STOPPED + ident, True, expire=RESULT_EXPIRES_S)
            self.disk.terminate_job(ident)
        elif kind == "celery":
            self._on_celery("terminate_job", ident)

    def terminate_unhealthy_job(self, job):
        """Stop a job whose process died; whether one was stopped (on the disk queue, one this pool started)."""
        kind, ident = self._split(job)
        if kind == "disk":
            return ident in (self.disk.handle.get(self.SLOTS) or {}) and self.disk.terminate_unhealthy_job(ident)
        return bool(self._on_celery("terminate_unhealthy_job", ident, default=False))

    def job_running(self, job):
        """Whether the job still runs (for a disk job, what get_result just found in this thread)."""
        kind, ident = self._split(job)
        seen = getattr(self._running_seen, "job", None)
        self._running_seen.job = None
        if kind == "disk":
            return seen[1] if seen and seen[0] == job else self.disk.job_running(ident)
        return bool(self._on_celery("job_running", ident, default=False))

    def get_progress(self, key):
        """The job's last progress, from whichever queue holds it."""
        return self.disk.get_progress(key) or self._on_celery("get_progress", key)

    def result_ready(self, key):
        """Whether the job's result is there, on either queue (a refused job's refusal at once)."""
        return (self.disk.handle.get(self.REFUSED + key) is not None or self.disk.result_ready(key)
                or bool(self._on_celery("result_ready", key, default=False)))

    def get_result(self, key, job):
        """The job's result; a failure message when it was refused, or when Redis went away under a
        Celery job."""
        kind, ident = self._split(job)
        if kind == "refused":
            self.disk.handle.delete(self.REFUSED + key)
            return {self.FAILED: {"msg": f"not started: {ident}", "tb": ""}}
        if kind == "disk":
            result = self.disk.get_result(key, ident)
            if result is not self.UNDEFINED:
                return result
            running = self.disk.job_running(ident)
            if not running:
                result = self.disk.get_result(key, ident)  # it may have answered just before it ended
                if result is not self.UNDEFINED:
                    return result
                if self.disk.handle.get(self.STOPPED + ident) is None:
                    # Dash would end the job in silence: say that its process ended without an answer.
                    return {self.FAILED: {"msg": "its process ended without an answer (stopped from outside, or "
                                                 "out of memory); run it again", "tb": ""}}
            self._running_seen.job = (job, running)
            return result
        result = self._on_celery("get_result", key, ident, default=self.UNDEFINED)
        if result is self.UNDEFINED and current_redis_problem() is not None:
            return {self.FAILED: {"msg": f"Redis went away while a Celery worker ran this job "
                                         f"({current_redis_problem()}); run it again to run it on this machine",
                                  "tb": ""}}
        return result

    def get_updated_props(self, key):
        """Side updates (set_props) the job made, from both queues."""
        return {**self.disk.get_updated_props(key), **(self._on_celery("get_updated_props", key) or {})}

    def get_or_create_signing_secret(self, generate):
        """From Redis when it answers (every machine agrees), copied to disk for when it does not."""
        secret = self._on_celery("get_or_create_signing_secret", generate)
        if secret:
            self.disk.handle.set(self.SIGNING_SECRET_KEY, secret)
            return secret
        return self.disk.get_or_create_signing_secret(generate)


@cache
def celery_app():
    """This process's Celery app on REDIS_URL (none is connected to until a job is sent)."""
    return celery_for(REDIS_URL)


@cache
def start():
    """The background callback manager, made once a process at start (the web server's or a Celery
    worker's): the disk queue's private folder is created (or checked: folders.UnsafeFolder) here,
    and with REDIS_URL the Celery manager, which registers every background callback already defined
    as a Celery task."""
    disk = DiskcacheManager(diskcache.Cache(str(folders.private("ORBITAL_JOBS_DIR")), disk=JsonDisk))
    return JobManager(CeleryManager(celery_app()) if REDIS_URL else None, disk)


class SharedChunks:
    """A run_chunks for orbital.fleet_year or orbital.traffic, used by a job running on a Celery worker: every chunk
    is sent as the task named `task_name` (with chunk_args(chunk)) for idle workers to take, while this process computes,
    from the last, each chunk no worker has started; it waits only on chunks being computed, so it
    never waits on a queue nobody serves. A chunk that fails, or outlasts STALL_FACTOR times the
    slowest chunk computed here, is computed here too; so is everything left if Redis goes away.
    `processes` names the processes that computed chunks."""

    STALL_FACTOR, STALL_MIN_S = 3.0, 30.0

    def __init__(self, task_name, chunk_args):
        self.task_name, self.chunk_args, self.processes = task_name, chunk_args, set()

    def _here(self, compute, chunk):
        started = time.monotonic()
        result = compute(chunk)
        self.slowest_s = max(self.slowest_s, time.monotonic() - started)
        self.processes.add(f"{socket.gethostname()}:{os.getpid()}")
        return result

    def __call__(self, chunks, compute, progress=None):
        self.slowest_s, reported = 0.0, 0
        results = [None] * len(chunks)
        try:
            sent = [celery_app().send_task(self.task_name, args=self.chunk_args(chunk)) for chunk in chunks]
        except redis_errors() as exc:
            redis_failed(exc)
            sent = []
        waiting_since = time.monotonic()
        while any(r is None for r in results):
            left = [i for i, r in enumerate(results) if r is None]
            try:
                states = {i: sent[i].state for i in left} if sent else {i: "PENDING" for i in left}
            except redis_errors() as exc:
                redis_failed(exc)
                sent, states = [], {i: "PENDING" for i in left}
            for i, state in states.items():
                if state == "SUCCESS":
                    answer = sent[i].result
                    self.processes.add(answer.pop("process"))
                    results[i] = answer
                elif state in ("FAILURE", "REVOKED"):
                    results[i] = self._here(compute, chunks[i])
            pending = [i for i, state in states.items() if state == "PENDING" and results[i] is None]
            stalled = time.monotonic() - waiting_since > max(self.STALL_MIN_S, self.STALL_FACTOR * self.slowest_s)
            if pending or (stalled and any(r is None for r in results)):
                i = pending[-1] if pending else next(i for i, r in enumerate(results) if r is None)
                if sent:
                    sent[i].revoke()
                results[i] = self._here(compute, chunks[i])
                waiting_since = time.monotonic()
            elif any(r is None for r in results):
                time.sleep(0.25)
            done = sum(r is not None for r in results)
            if progress and done > reported:
                reported = done
                progress(done, len(chunks))
        for answer in sent:
            try:
                answer.forget()
            except redis_errors():
                break
        return results


@contextmanager
def one_at_a_time(name):
    """Hold this machine's lock `name` (a file in the jobs folder) while the block runs: exports take
    it, so one Chromium renders at a time however many are asked for."""
    with open(folders.private("ORBITAL_JOBS_DIR") / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def on_celery_worker():
    """Whether this code runs inside a Celery task."""
    from celery import current_task

    return bool(current_task and current_task.request.id)


def where_this_runs():
    """'a Celery worker' inside a Celery task, else 'this machine' (for a job's message)."""
    return "a Celery worker" if on_celery_worker() else "this machine"

