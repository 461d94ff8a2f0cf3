"""The cache aliases on Redis: ``default`` degrades when Redis is gone, ``rate-limits`` does not.

Both use the same Redis and key prefix, so a counter is one key whichever alias wrote it.
"""


def redis_caches(url, key_prefix):
    shared = {"LOCATION": url, "KEY_PREFIX": key_prefix}
    return {
        "default": {"BACKEND": "oic_cms.cache_backends.DegradingRedisCache", **shared},
        # Raises while Redis is gone: the newsletter sign-up refuses rather than go unlimited,
        # other limits count per process meanwhile (oic_cms/rate_limits.py).
        "rate-limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            **shared,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


def with_rate_limit_alias(caches):
    """One store for both aliases where the cache cannot fail apart from the site (files,
    process memory)."""
    return {**caches, "rate-limits": caches["default"]}
