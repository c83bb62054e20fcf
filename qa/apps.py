from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "qa"
    verbose_name = "Hỏi đáp"

    def ready(self):
        from lhh import library

        from .models import Question

        # Which library images each answer shows.
        library.track(Question, "answer")
