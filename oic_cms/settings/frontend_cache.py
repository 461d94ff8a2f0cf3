"""``WAGTAILFRONTENDCACHE`` from the environment: which CDN or proxy to purge, if any."""

from django.core.exceptions import ImproperlyConfigured

from .environment import env_list, env_str

BACKENDS = {
    "varnish": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
}


def required(name, backend):
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"FRONTEND_CACHE_BACKEND={backend} needs {name}.")
    return value


def frontend_cache_backends():
    """``{}`` (nothing to purge) unless ``FRONTEND_CACHE_BACKEND`` names one of ``BACKENDS``."""
    backend = env_str("FRONTEND_CACHE_BACKEND").strip().lower()
    if not backend:
        return {}
    if backend not in BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}."
        )
    config = {"BACKEND": BACKENDS[backend]}
    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES")
    if hostnames:
        config["HOSTNAMES"] = hostnames
    if backend == "varnish":
        config["LOCATION"] = required("FRONTEND_CACHE_LOCATION", backend)
    elif backend == "cloudflare":
        config["ZONEID"] = required("CLOUDFLARE_ZONE_ID", backend)
        config["BEARER_TOKEN"] = required("CLOUDFLARE_API_TOKEN", backend)
    else:
        try:
            import boto3  # noqa: F401
        except ImportError as error:
            raise ImproperlyConfigured(
                "FRONTEND_CACHE_BACKEND=cloudfront needs the boto3 package: pip install boto3."
            ) from error
        config["DISTRIBUTION_ID"] = required("CLOUDFRONT_DISTRIBUTION_ID", backend)
    return {backend: config}
