import datetime

import factory
import pytest
from factory.django import DjangoModelFactory

from projects.models import Project
from projects.status import ProjectStatus


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Projekt {n}")
    tag = "KI"
    description = "<p>Ein Projekt der Open Innovation City.</p>"
    status = ProjectStatus.RUNNING
    start_date = datetime.date(2025, 10, 1)


@pytest.fixture
def project_factory():
    return ProjectFactory
