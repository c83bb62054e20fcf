from core import apps


class QaConfig(apps.ContentAppConfig):
    name = "qa"
    verbose_name = "Hỏi đáp"
    # Rows visitors never see: saving one leaves every cached page as it is.
    private_models = ("calendarday",)

    def ready(self):
        from core import sidebar
        from mail.signals import email_attempted
        from medialibrary import usage
        from search import registry

        from .models import Question
        from .receivers import record_email_outcome

        super().ready()
        # Which library images each answer shows.
        usage.track(Question, "answer")
        registry.register(Question, slug="hoi-dap", label="Hỏi đáp", position=40)
        # Its sidebar block, read with the others in one query.
        sidebar.register(Question.objects.sidebar_latest)
        email_attempted.connect(record_email_outcome, dispatch_uid="qa-email-outcome")
