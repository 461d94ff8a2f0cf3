"""A project's status; its own module so blocks can offer the choices without loading models."""

from django.db import models


class ProjectStatus(models.TextChoices):
    STARTED = "gestartet", "Gestartet"
    RUNNING = "laeuft", "Läuft"
    LIVE = "live", "Im Live-Betrieb"
    IMPLEMENTED = "umgesetzt", "Umgesetzt"
    COMPLETED = "abgeschlossen", "Abgeschlossen"


ONGOING_STATUSES = {ProjectStatus.STARTED, ProjectStatus.RUNNING, ProjectStatus.LIVE}
