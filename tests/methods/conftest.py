import pytest

from tests.methods.factories import MethodIndexPageFactory


@pytest.fixture
def method_index(site_tree):
    return MethodIndexPageFactory(parent=site_tree.home)
