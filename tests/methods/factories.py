"""Factories for the Methodenkoffer, built on the shared page factories."""

import datetime

import factory

from methods.models import MethodIndexPage, MethodPage, MethodPageAuthor
from tests.factories import CategoryFactory, PageFactory, PersonFactory


class MethodIndexPageFactory(PageFactory):
    class Meta:
        model = MethodIndexPage

    title = "Methodenkoffer"
    slug = "methoden"
    intro = "Kreativmethoden für eure Treffen."


class MethodPageFactory(PageFactory):
    """A published method; pass ``authors=[…]`` and ``categories=[…]`` to choose them."""

    class Meta:
        model = MethodPage

    title = factory.Sequence(lambda n: f"Methode {n}")
    teaser = "Eine Kreativmethode in wenigen Schritten."
    date = datetime.date(2026, 2, 1)
    duration_minutes = 45
    min_participants = 4
    max_participants = 12
    materials = "Haftnotizen\nStifte"
    difficulty = "mittel"

    @classmethod
    def _create(cls, model_class, *args, authors=None, categories=None, **kwargs):
        authors = authors if authors is not None else [PersonFactory()]
        categories = categories if categories is not None else [CategoryFactory()]
        kwargs["authors"] = [MethodPageAuthor(person=person) for person in authors]
        kwargs["categories"] = categories
        return super()._create(model_class, *args, **kwargs)
