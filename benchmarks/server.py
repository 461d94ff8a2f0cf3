"""The site under gunicorn with the production settings, on a free loopback port.

Two sync workers, one per core: rendering is CPU-bound Python, so threads would add memory
and tail latency but no throughput on two cores; nginx in front buffers slow clients, which
is what would otherwise tie up a sync worker.
"""

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .environment import BASE_DIR, ensure_gunicorn, free_port, say, wait_for_port

WORKERS = 2


def collectstatic(environment):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=environment,
        check=True,
    )


def memory_kib(pid, key):
    """``VmRSS`` or ``VmHWM`` (peak) of a process, in KiB; 0 once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return 0
    return 0


@dataclass
class Server:
    environment: dict
    workers: int = WORKERS
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        gunicorn = ensure_gunicorn()
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "oic_cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.environment,
        )
        wait_for_port("127.0.0.1", self.port, process=self.process)
        say(f"gunicorn ({self.workers} sync workers) on {self.base_url}")
        return self

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_worker_memory_mib(self):
        """The highest peak resident memory of any worker since it started."""
        return max((memory_kib(pid, "VmHWM") for pid in self.worker_pids()), default=0) / 1024

    def worker_memory_mib(self):
        """Current resident memory of each worker."""
        return [memory_kib(pid, "VmRSS") / 1024 for pid in self.worker_pids()]

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
