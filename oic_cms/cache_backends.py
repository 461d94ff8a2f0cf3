"""A Redis cache whose outage degrades the site instead of taking it down.

Django's ``RedisCache`` raises on every call while Redis is gone, so every dynamic URL (cached
pages and the admin login included) answered 500. This backend treats a failed read as a miss
and a failed write as done, logs the outage once when it starts and once when it ends, and for
``RETRY_SECONDS`` after a failure does not try Redis at all, so a Redis that hangs instead of
refusing costs one timeout, not one per cache call.

What must not degrade silently (the newsletter sign-up limits) uses the strict alias
``rate-limits`` on Django's own backend and decides itself (``oic_cms.rate_limits``).

When Redis answers again, ``cache_recovered`` is sent: whatever changed meanwhile could not
retire the cached pages, so ``pagecache`` retires them all then.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0
# Connecting to a Redis on loopback takes well under a millisecond; a longer wait is an outage.
SOCKET_TIMEOUT_SECONDS = 0.5

cache_recovered = Signal()
RECOVERY_PROBE_KEY = "cache-backend:recovery-probe"


class Outage:
    """Whether one Redis location is unreachable, shared by the threads of a process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0

    def skipping(self):
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, location, error):
        with self.lock:
            now = time.monotonic()
            self.retry_at = now + RETRY_SECONDS
            if self.down_since is not None:
                return
            self.down_since = now
        logger.error(
            "Redis at %s is unreachable (%s); the site runs without its cache.", location, error
        )

    def succeeded(self, location):
        with self.lock:
            if self.down_since is None:
                return False
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("Redis at %s answers again after %.0f s.", location, seconds)
        return True


OUTAGES = {}
OUTAGES_LOCK = threading.Lock()


def outage_of(location):
    with OUTAGES_LOCK:
        return OUTAGES.setdefault(location, Outage())


def tolerant(name, fallback):
    """``RedisCache.<name>``, answering ``fallback(*arguments)`` while Redis fails."""
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        if not self.available():
            return fallback(*args, **kwargs)
        try:
            return redis_method(self, *args, **kwargs)
        except RedisError as error:
            self.outage.failed(self.location, error)
            return fallback(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


def missing_counter(key, *args, **kwargs):
    # As for a key that is not there: the caller starts the counter again.
    raise ValueError(f"Key '{key}' not found (Redis unreachable).")


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT_SECONDS)
        super().__init__(server, params)
        self.location = server if isinstance(server, str) else ",".join(server)
        self.outage = outage_of(self.location)

    def available(self):
        """Whether to ask Redis. After an outage a probe asks first, and ``cache_recovered`` is
        sent before the call that waits: a page read then comes from the new generation."""
        if self.outage.down_since is None:
            return True
        if self.outage.skipping():
            return False
        try:
            RedisCache.has_key(self, RECOVERY_PROBE_KEY)
        except RedisError as error:
            self.outage.failed(self.location, error)
            return False
        if self.outage.succeeded(self.location):
            cache_recovered.send(sender=type(self), location=self.location)
        return True

    add = tolerant("add", lambda *args, **kwargs: False)
    get = tolerant("get", lambda key, default=None, version=None: default)
    set = tolerant("set", lambda *args, **kwargs: None)
    touch = tolerant("touch", lambda *args, **kwargs: False)
    delete = tolerant("delete", lambda *args, **kwargs: False)
    get_many = tolerant("get_many", lambda *args, **kwargs: {})
    has_key = tolerant("has_key", lambda *args, **kwargs: False)
    incr = tolerant("incr", missing_counter)
    set_many = tolerant("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = tolerant("delete_many", lambda *args, **kwargs: None)
    clear = tolerant("clear", lambda: False)
