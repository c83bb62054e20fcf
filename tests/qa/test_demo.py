import pytest
from django.core.management import call_command

from qa.demo import QUESTIONS
from qa.models import Question, QuestionStatus, Topic, is_valid_tracking_code

pytestmark = pytest.mark.django_db


def test_demo_covers_every_state_of_the_workflow():
    call_command("seed_demo", verbosity=0)
    assert Topic.objects.count() == 4
    assert Question.objects.count() >= 8
    assert Question.objects.published().count() >= 2
    assert Question.objects.filter(
        status=QuestionStatus.ANSWERED, is_published_as_faq=False
    ).exists()
    assert Question.objects.filter(status=QuestionStatus.NEW).exists()
    assert Question.objects.filter(status=QuestionStatus.IN_PROGRESS).exists()
    assert Question.objects.overdue().count() >= 1


def test_demo_seed_twice_changes_nothing():
    call_command("seed_demo", verbosity=0)
    before = list(Question.objects.values_list("tracking_code", "updated_at", "due_on"))
    call_command("seed_demo", verbosity=0)
    assert list(Question.objects.values_list("tracking_code", "updated_at", "due_on")) == before


def test_demo_tracking_codes_are_valid():
    for code, *_ in QUESTIONS:
        assert is_valid_tracking_code(code), code
