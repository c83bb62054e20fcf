from django.apps import AppConfig


class MailConfig(AppConfig):
    """Thư đi: the outbox every email of the site goes through (mail.outbox).
    It imports no feature app: they call `mail.outbox.send()` and may listen
    to `mail.signals.email_attempted`."""

    name = "mail"
    verbose_name = "Thư đi"
