from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "qa"
    verbose_name = "Hỏi đáp"

    def ready(self):
        from medialibrary import usage
        from search import registry

        from .models import Question

        # Which library images each answer shows.
        usage.track(Question, "answer")
        registry.register(Question, slug="hoi-dap", label="Hỏi đáp", position=40)
