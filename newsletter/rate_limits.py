"""Fixed-window request counters in the cache (shared across workers when the cache is Redis)."""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def allow(scope, identity, limit, window_seconds):
    """Count one attempt of ``identity`` in ``scope``; ``False`` once ``limit`` is exceeded.

    The identity (an IP address, an e-mail address) is hashed so the cache holds no personal data.
    """
    window = int(time.time() // window_seconds)
    digest = salted_hmac(f"newsletter.rate-limit.{scope}", identity, algorithm="sha256")
    key = f"newsletter-rate-limit:{scope}:{digest.hexdigest()[:32]}:{window}"
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        attempts = cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this is the first attempt again.
        cache.add(key, 1, timeout=window_seconds)
        return True
    return attempts <= limit
