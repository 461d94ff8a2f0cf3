"""The units of ``deploy/systemd/``, read as systemd reads them, and their commands run here."""

import shlex
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SYSTEMD = Path(settings.BASE_DIR) / "deploy" / "systemd"
VENV_PYTHON = "/srv/oic-cms/.venv/bin/python"


def unit_settings(unit_name, name):
    """Every value of one setting of a unit file, in order, continuation lines joined."""
    text = (SYSTEMD / unit_name).read_text().replace("\\\n", " ")
    return [
        line.split("=", 1)[1].strip() for line in text.splitlines() if line.startswith(f"{name}=")
    ]


def unit_setting(unit_name, name):
    values = unit_settings(unit_name, name)
    assert len(values) == 1, (unit_name, name, values)
    return values[0]


def run_exec_start(unit_name):
    """Each ``ExecStart`` of a oneshot service, which must be a ``manage.py`` command of the
    checkout's virtualenv, run as ``manage.py`` runs it (in this process, on the test
    database)."""
    assert unit_setting(unit_name, "WorkingDirectory") == "/srv/oic-cms"
    commands = unit_settings(unit_name, "ExecStart")
    assert commands, unit_name
    for command in commands:
        python, script, *arguments = shlex.split(command)
        assert (python, script) == (VENV_PYTHON, "manage.py"), command
        call_command(*arguments)
