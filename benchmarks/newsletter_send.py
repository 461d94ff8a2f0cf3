"""`make bench-newsletter`: one issue to N confirmed subscribers through the real task worker.

A local SMTP sink (aiosmtpd, ``benchmarks.smtp_sink``) on loopback takes the messages; the
worker is ``manage.py db_worker`` with the production settings on PostgreSQL (an SQLite file
without a reachable server). Two runs: one straight through, for messages per second and the
worker's memory; one where the worker is killed (SIGKILL) at about half, then
``newsletter_resume`` (as the worker's systemd unit runs before it starts) and a new worker.
Prints how many messages each address received: it must be exactly one.

    python -m benchmarks.newsletter_send [--subscribers 10000] [--json]
"""

import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .environment import (
    BASE_DIR,
    cpu_reference_ms,
    free_port,
    production_environment,
    redis_for_run,
    say,
    throwaway_database,
    wait_for_port,
)
from .server import collectstatic, memory_kib

WAIT_SECONDS = 900


def cpu_seconds(pid):
    """User plus system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_sink(port, path):
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.smtp_sink", str(port), str(path)],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
    )
    wait_for_port("127.0.0.1", port, process=process)
    return process


def start_worker(environment):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--no-reload",
            "--interval",
            "0.2",
            "--no-startup-delay",
        ],
        cwd=BASE_DIR,
        env=environment,
    )


def prepare(subscriber_count):
    """A site with a newsletter archive and ``subscriber_count`` confirmed addresses."""
    from django.utils import timezone
    from wagtail.models import Page, Site

    from newsletter.models import ConsentText, Subscriber
    from newsletter_issues.models import NewsletterIndexPage
    from website.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Start", slug="start"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "127.0.0.1", "port": 80}
    )
    index = home.add_child(instance=NewsletterIndexPage(title="Newsletter", slug="newsletter"))
    consent = ConsentText.version_for("<p>Ich möchte den Newsletter erhalten.</p>")
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"leser{number:05d}@example.org",
                status=Subscriber.Status.CONFIRMED,
                consent_text=consent,
                signed_up_at=now,
                confirmation_sent_at=now,
                confirmed_at=now,
            )
            for number in range(subscriber_count)
        ),
        batch_size=2000,
    )
    return index


def start_issue(index, title):
    from django.utils.text import slugify

    from newsletter.mailings import start_mailing
    from newsletter_issues.models import NewsletterIssuePage

    issue = NewsletterIssuePage(
        title=title,
        slug=slugify(title),
        body=[
            ("intro", "<p>Liebe Leser*innen, hier ist, was bei uns los war.</p>"),
            ("posts", {"heading": "Neu im Blog", "selection": "since_last_issue", "count": 5}),
            ("events", {"heading": "Kommende Veranstaltungen", "count": 4}),
            ("closing", "<p>Bis bald!</p>"),
        ],
    )
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return start_mailing(
        page=issue,
        rendered=issue.render_newsletter(),
        issue_url=issue.full_url,
        revision=issue.live_revision,
    )


def sent_count(mailing):
    from newsletter.models import Delivery

    return mailing.deliveries.filter(state=Delivery.State.SENT).count()


def wait_until(condition, worker, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited ({worker.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {what} after {WAIT_SECONDS} s")
        time.sleep(0.1)


def finished(mailing):
    from newsletter.models import Mailing

    def check():
        mailing.refresh_from_db()
        return mailing.state == Mailing.State.FINISHED

    return check


def received_per_address(path):
    """``(messages per address, distinct Message-IDs per address)`` from the sink's log."""
    messages = collections.Counter()
    message_ids = collections.defaultdict(set)
    for line in Path(path).read_text().splitlines():
        address, message_id = line.split("\t")
        messages[address] += 1
        message_ids[address].add(message_id)
    return messages, {address: len(ids) for address, ids in message_ids.items()}


def distribution(counts, addresses):
    """How many addresses got 0, 1, 2 … messages."""
    histogram = collections.Counter(counts.get(address, 0) for address in addresses)
    return dict(sorted(histogram.items()))


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def straight_run(environment, index, workdir, sink_port):
    log = Path(workdir) / "straight.log"
    mailing = start_issue(index, "Ausgabe ohne Unterbrechung")
    sink = start_sink(sink_port, log)
    worker = start_worker(environment)
    try:
        time.sleep(1.0)
        memory_start = memory_kib(worker.pid, "VmRSS")
        first = time.monotonic()
        wait_until(lambda: sent_count(mailing) > 0, worker, "a first message")
        began = time.monotonic()
        cpu_began = cpu_seconds(worker.pid)
        wait_until(finished(mailing), worker, "the end of the send")
        seconds = time.monotonic() - began
        worker_cpu = cpu_seconds(worker.pid) - cpu_began
        memory_end = memory_kib(worker.pid, "VmRSS")
        memory_peak = memory_kib(worker.pid, "VmHWM")
    finally:
        stop(worker)
        stop(sink)
    return {
        "messages": sent_count(mailing),
        "seconds": round(seconds, 2),
        "seconds_to_first_message": round(began - first, 2),
        "messages_per_second": round(sent_count(mailing) / seconds, 1),
        "worker_cpu_ms_per_message": round(worker_cpu * 1000 / sent_count(mailing), 2),
        "worker_rss_start_mib": round(memory_start / 1024, 1),
        "worker_rss_end_mib": round(memory_end / 1024, 1),
        "worker_rss_peak_mib": round(memory_peak / 1024, 1),
        "log": log,
    }


def killed_run(environment, index, workdir, sink_port, total):
    log = Path(workdir) / "killed.log"
    mailing = start_issue(index, "Ausgabe mit Absturz")
    sink = start_sink(sink_port, log)
    worker = start_worker(environment)
    try:
        wait_until(lambda: sent_count(mailing) >= total // 2, worker, "half of the messages")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        killed_at = sent_count(mailing)
        subprocess.run(
            [sys.executable, "manage.py", "newsletter_resume"],
            cwd=BASE_DIR,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        worker = start_worker(environment)
        wait_until(finished(mailing), worker, "the end of the resumed send")
    finally:
        stop(worker)
        stop(sink)
    return {"killed_after_sent": killed_at, "messages": sent_count(mailing), "log": log}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()

    reference_ms = cpu_reference_ms()
    workdir = tempfile.mkdtemp(prefix="oic-bench-newsletter-")
    database = throwaway_database(workdir)
    redis = redis_for_run()
    sink_port = free_port()
    environment = production_environment(
        database,
        redis,
        workdir,
        NEWSLETTER_EMAIL_HOST="127.0.0.1",
        NEWSLETTER_EMAIL_PORT=str(sink_port),
        NEWSLETTER_MESSAGES_PER_MINUTE="0",
        NEWSLETTER_BATCH_SIZE="500",
        NEWSLETTER_STALE_CLAIM_SECONDS="5",
    )
    # Before this process reads the static files manifest, which the e-mail's logo needs.
    collectstatic(environment)
    os.environ.update(environment)
    import django

    django.setup()
    from django.core.management import call_command

    try:
        say(f"database: {database.kind}; migrating …")
        call_command("migrate", verbosity=0)
        index = prepare(arguments.subscribers)
        addresses = [f"leser{number:05d}@example.org" for number in range(arguments.subscribers)]
        say("sending straight through …")
        straight = straight_run(environment, index, workdir, sink_port)
        say("sending with the worker killed at half …")
        killed = killed_run(environment, index, workdir, sink_port, arguments.subscribers)
        results = {
            "database": database.kind,
            "subscribers": arguments.subscribers,
            "cpu_reference_ms": round(reference_ms, 1),
            "load_average": os.getloadavg()[0],
        }
        for name, run in (("straight", straight), ("killed", killed)):
            messages, message_ids = received_per_address(run.pop("log"))
            run["addresses_by_messages_received"] = distribution(messages, addresses)
            run["addresses_by_distinct_message_ids"] = distribution(message_ids, addresses)
            results[name] = run
    finally:
        from django.db import connections

        connections.close_all()
        database.drop()
        redis.stop()
    if arguments.json:
        print(json.dumps(results))
        return
    straight, killed = results["straight"], results["killed"]
    print(
        f"Newsletter send, {arguments.subscribers} confirmed subscribers, {database.kind} "
        f"(CPU reference {results['cpu_reference_ms']} ms, load {results['load_average']:.1f})"
    )
    print(
        f"  straight: {straight['messages']} messages in {straight['seconds']} s = "
        f"{straight['messages_per_second']} messages/s; worker RSS "
        f"{straight['worker_rss_start_mib']} MiB at start, {straight['worker_rss_end_mib']} MiB "
        f"at the end (peak {straight['worker_rss_peak_mib']} MiB); worker CPU "
        f"{straight['worker_cpu_ms_per_message']} ms per message"
    )
    print(f"    addresses by messages received: {straight['addresses_by_messages_received']}")
    print(
        f"  killed (SIGKILL) after {killed['killed_after_sent']} sent, resumed: "
        f"{killed['messages']} marked sent"
    )
    print(f"    addresses by messages received: {killed['addresses_by_messages_received']}")
    print(f"    addresses by distinct Message-IDs: {killed['addresses_by_distinct_message_ids']}")
    exactly_once = all(
        run["addresses_by_messages_received"] == {1: arguments.subscribers}
        for run in (straight, killed)
    )
    print(f"  every address exactly once: {'yes' if exactly_once else 'NO'}")


if __name__ == "__main__":
    main()
