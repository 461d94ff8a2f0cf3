"""Which release of the code runs: part of every cache key, so a deploy never reads the pickled
model instances or rendered pages an older release left in Redis."""

import subprocess
from importlib.metadata import PackageNotFoundError, version

from .environment import env_str


def current_release(base_dir):
    """``RELEASE`` from the environment, else the checkout's commit (deploys are ``git pull``),
    else the package version."""
    release = env_str("RELEASE")
    if release:
        return release
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=base_dir,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    if commit:
        return commit
    try:
        return version("oic-cms")
    except PackageNotFoundError:
        return "unknown"
