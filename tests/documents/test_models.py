import datetime

import pytest
from django.utils import timezone

from core.models import Status
from documents.models import Document, Validity

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def validity(document):
    return Document.objects.with_validity().get(pk=document.pk).validity_now


def test_document_replaced_by_one_in_force_shows_expired():
    old = DocumentFactory(number="2136/QĐ-UBND")
    new = DocumentFactory(number="582/QĐ-UBND", effective_on=TODAY - DAY)
    new.replaces.add(old)
    assert validity(old) == Validity.EXPIRED
    assert validity(new) == Validity.IN_FORCE


def test_replacement_not_yet_in_force_leaves_the_old_one_in_force():
    old = DocumentFactory()
    new = DocumentFactory(effective_on=TODAY + 10 * DAY)
    new.replaces.add(old)
    assert validity(old) == Validity.IN_FORCE
    assert validity(new) == Validity.NOT_YET


def test_replaced_document_expires_on_the_day_the_replacement_takes_effect(monkeypatch):
    old = DocumentFactory()
    new = DocumentFactory(effective_on=TODAY + DAY)
    new.replaces.add(old)
    assert validity(old) == Validity.IN_FORCE
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY + DAY)
    assert validity(old) == Validity.EXPIRED


def test_replacement_without_effective_date_counts_from_its_issue_date():
    old = DocumentFactory()
    new = DocumentFactory(issued_on=TODAY - DAY, effective_on=None)
    new.replaces.add(old)
    assert validity(old) == Validity.EXPIRED


def test_unpublished_replacement_does_not_expire_the_old_document():
    old = DocumentFactory()
    draft = DocumentFactory(status=Status.DRAFT, effective_on=TODAY - DAY)
    draft.replaces.add(old)
    assert validity(old) == Validity.IN_FORCE


def test_amending_document_does_not_expire_the_amended_one():
    old = DocumentFactory()
    new = DocumentFactory(effective_on=TODAY - DAY)
    new.amends.add(old)
    assert validity(old) == Validity.IN_FORCE


def test_status_set_expired_by_staff_is_kept():
    document = DocumentFactory(validity=Validity.EXPIRED, effective_on=TODAY - 100 * DAY)
    assert validity(document) == Validity.EXPIRED


def test_future_effective_date_shows_not_yet_in_force():
    document = DocumentFactory(effective_on=TODAY + DAY)
    assert validity(document) == Validity.NOT_YET


def test_slug_is_made_from_number_and_year_and_kept_when_the_number_changes():
    document = DocumentFactory(number="582/QĐ-UBND", issued_on=datetime.date(2018, 3, 30))
    assert document.slug == "582-qd-ubnd-2018"
    document.number = "583/QĐ-UBND"
    document.save()
    assert document.slug == "582-qd-ubnd-2018"


def test_slug_leaves_out_a_year_the_number_already_carries():
    document = DocumentFactory(number="25/2014/Đ-UBND", issued_on=datetime.date(2014, 5, 23))
    assert document.slug == "25-2014-d-ubnd"


def test_same_number_in_the_same_year_gets_a_distinct_slug():
    first = DocumentFactory(number="01", issued_on=datetime.date(2011, 10, 26))
    second = DocumentFactory(number="01", issued_on=datetime.date(2011, 11, 2))
    assert first.slug != second.slug


def test_latest_issued_leaves_out_drafts_and_orders_by_issue_date():
    older = DocumentFactory(issued_on=datetime.date(2010, 1, 1))
    newer = DocumentFactory(issued_on=datetime.date(2018, 1, 1))
    DocumentFactory(status=Status.DRAFT, issued_on=datetime.date(2020, 1, 1))
    DocumentFactory(published_at=timezone.now() + DAY, issued_on=datetime.date(2021, 1, 1))
    assert list(Document.objects.latest_issued()) == [newer, older]
