"""Fixed-window attempt counters in the cache (shared by all workers when the cache is Redis).

A caller checks all the limits an attempt falls under first and counts the attempt only once it
is let through, so a refused attempt uses up none of the other budgets. Identities (addresses,
e-mail addresses) are hashed, so the cache holds no personal data.
"""

import time
from typing import NamedTuple

from django.core.cache import cache
from django.utils.crypto import salted_hmac


class Limit(NamedTuple):
    scope: str
    identity: str
    limit: int


def counter_key(scope, identity, window_seconds):
    window = int(time.time() // window_seconds)
    digest = salted_hmac(f"rate-limit.{scope}", identity, algorithm="sha256").hexdigest()
    return f"rate-limit:{scope}:{digest[:32]}:{window}"


def within_limits(limits, window_seconds):
    """Whether one more attempt stays within every limit (one cache round trip)."""
    keys = [counter_key(scope, identity, window_seconds) for scope, identity, _ in limits]
    counts = cache.get_many(keys)
    return all(counts.get(key, 0) < limit for key, (_, _, limit) in zip(keys, limits, strict=True))


def record(limits, window_seconds):
    """Count one attempt against every limit."""
    for scope, identity, _ in limits:
        key = counter_key(scope, identity, window_seconds)
        if cache.add(key, 1, timeout=window_seconds):
            continue
        try:
            cache.incr(key)
        except ValueError:
            # The counter expired between add() and incr(): this is the first attempt again.
            cache.add(key, 1, timeout=window_seconds)
