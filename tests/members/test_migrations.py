"""Data migrations of the members app, run back and forth as an upgrade does."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from search.models import UNDATED, SearchEntry
from tests.members.factories import OrganizationFactory


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_upgrading_takes_the_date_off_organizations_search_entries():
    organization = OrganizationFactory(name="Hội Tin học Lâm Đồng")
    migrate([("members", "0006_number_fields")])
    # As an older release stored it: the time the organization was saved.
    SearchEntry.objects.filter(title=organization.name).update(date=timezone.now())

    migrate(None)
    assert SearchEntry.objects.get(title=organization.name).date == UNDATED
