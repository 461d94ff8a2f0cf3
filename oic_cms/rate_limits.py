"""Fixed-window attempt counters in the cache (shared by all workers when the cache is Redis).

A caller checks all the limits an attempt falls under first and counts the attempt only once it
is let through, so a refused attempt uses up none of the other budgets. Identities (addresses,
e-mail addresses) are hashed, so the cache holds no personal data.

The counters live in the ``rate-limits`` cache, which raises while Redis is gone. A caller that
must not go unlimited (the newsletter sign-up) asks with ``fail_closed=True`` and gets
``LimitsUnavailable``; the others count in this process's memory meanwhile, a limit per
worker instead of none.
"""

import ipaddress
import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import salted_hmac
from redis.exceptions import RedisError

from oic_cms.client_address import parse_address

logger = logging.getLogger(__name__)

RATE_LIMIT_ALIAS = "rate-limits"
# Counters kept in this process while the shared store is unreachable.
LOCAL_COUNTERS = LocMemCache("rate-limits-during-outage", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


# One IPv6 host or home gets a /64; an IPv4 NAT hides a whole room behind one address.
CLIENT_PREFIX = {4: 32, 6: 64}
NETWORK_PREFIX = {4: 24, 6: 48}


class LimitsUnavailable(Exception):
    """The shared counters cannot be read, and the caller does not go on without them."""


class Limit(NamedTuple):
    scope: str
    identity: str
    limit: int


def prefix_of(address, prefixes):
    parsed = parse_address(address or "")
    if parsed is None:
        return address or "unknown"
    return ipaddress.ip_network(f"{parsed}/{prefixes[parsed.version]}", strict=False).with_prefixlen


def client_and_network_limits(scope, address, *, per_client, per_network):
    """The limits of one client (IPv4 address, IPv6 /64) and its network (IPv4 /24, IPv6 /48)."""
    return [
        Limit(f"{scope}.client", prefix_of(address, CLIENT_PREFIX), per_client),
        Limit(f"{scope}.network", prefix_of(address, NETWORK_PREFIX), per_network),
    ]


def shared_counters():
    """The ``rate-limits`` cache; the default one where settings name no such alias."""
    alias = RATE_LIMIT_ALIAS if RATE_LIMIT_ALIAS in settings.CACHES else "default"
    return caches[alias]


def counter_key(scope, identity, window_seconds):
    window = int(time.time() // window_seconds)
    digest = salted_hmac(f"rate-limit.{scope}", identity, algorithm="sha256").hexdigest()
    return f"rate-limit:{scope}:{digest[:32]}:{window}"


def counted(operation, fail_closed):
    """``operation(store)`` on the shared counters, or on this process's while they fail."""
    try:
        return operation(shared_counters())
    except (RedisError, OSError) as error:
        if fail_closed:
            raise LimitsUnavailable from error
        logger.warning("Rate limits counted in this process only: %s", error)
        return operation(LOCAL_COUNTERS)


def within_limits(limits, window_seconds, fail_closed=False):
    """Whether one more attempt stays within every limit (one cache round trip)."""
    keys = [counter_key(scope, identity, window_seconds) for scope, identity, _ in limits]
    counts = counted(lambda store: store.get_many(keys), fail_closed)
    return all(counts.get(key, 0) < limit for key, (_, _, limit) in zip(keys, limits, strict=True))


def count_in(store, limits, window_seconds):
    for scope, identity, _ in limits:
        key = counter_key(scope, identity, window_seconds)
        if store.add(key, 1, timeout=window_seconds):
            continue
        try:
            store.incr(key)
        except ValueError:
            # The counter expired between add() and incr(): this is the first attempt again.
            store.add(key, 1, timeout=window_seconds)


def record(limits, window_seconds, fail_closed=False):
    """Count one attempt against every limit."""
    counted(lambda store: count_in(store, limits, window_seconds), fail_closed)


def claim_once(key, timeout, fail_closed=False):
    """``True`` the first time ``key`` is claimed within ``timeout`` seconds, ``False`` after."""
    return counted(lambda store: store.add(key, 1, timeout=timeout), fail_closed)
