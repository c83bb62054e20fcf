from django.dispatch import Signal

# Sent after each attempt to deliver an email, in the worker: `email` is the
# Email row as it now stands (status, attempts, last_error), `error` the
# reason of a failed attempt or "" when it left. A feature app keeps its own
# record of what happened to the emails about its objects with it
# (qa.receivers marks Question.is_email_sent).
email_attempted = Signal()
