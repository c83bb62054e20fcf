"""Emails of editorial review (core.review): who hears of a transition.

- Sending an item for review (and a first change to a live item, which
  waits the same way) tells the approvers: the active staff who hold the
  model's `approve_<model>` permission, through the Người duyệt group or
  their own permissions, and have an email address. Superusers are told only
  when no such approver exists: they may approve everything, but on most
  sites the administrator is the IT person, who would otherwise receive
  every submission; a site without approvers still never leaves one unseen.
- Approving, returning, rejecting a change and taking down tell the author
  (the item's creator, or who proposed the change), with the comment and a
  link to the admin's form.

Nobody is told of their own action. Every email goes through the outbox
(mail.outbox.send), written in the transition's transaction and sent by the
worker after it commits; core.review runs this in a savepoint, so an email
that cannot be written is logged and the transition stays stored.
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from core import review
from mail import outbox
from sitecontent.models import SiteProfile

# The outbox's kinds of these emails (mail.models.Email.kind).
TO_APPROVERS = "review.approvers"
TO_AUTHOR = "review.author"

SUBMITTED = {
    "submit": "Chờ duyệt",
    "hold_change": "Thay đổi chờ duyệt",
}
# What happened to the author's work, in the subject and the body.
DECIDED = {
    "approve": ("Đã duyệt", "đã được duyệt"),
    "approve_change": ("Thay đổi đã được duyệt", "thay đổi của bạn đã được duyệt"),
    "return": ("Trả lại để sửa", "được trả lại để bạn sửa"),
    "reject_change": (
        "Thay đổi không được duyệt",
        "thay đổi của bạn không được duyệt; trang công khai giữ nội dung đang đăng",
    ),
    "unpublish": ("Đã gỡ xuống", "đã được gỡ xuống khỏi cổng thông tin"),
}

# The backend that reads group and user permissions (axes' own checks none).
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def name_of(user):
    if user is None:
        return "Không rõ"
    return user.get_full_name() or user.get_username()


def approvers(model, actor):
    """The addresses of those who may approve `model`, but `actor`."""
    User = get_user_model()
    found = (
        User.objects.with_perm(
            review.permission(model, "approve"),
            include_superusers=False,
            backend=PERMISSION_BACKEND,
        )
        .filter(is_staff=True)
        .exclude(email="")
    )
    if not found.exists():
        found = User.objects.filter(is_active=True, is_superuser=True).exclude(email="")
    if actor is not None:
        found = found.exclude(pk=actor.pk)
    return list(found.order_by("pk").values_list("email", flat=True))


def context(instance, user, base_url):
    site = SiteProfile.load()
    meta = instance._meta
    return {
        "site": site,
        "item": instance,
        "kind": meta.verbose_name,
        "actor": name_of(user),
        "admin_url": base_url
        + reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk]),
    }


def subject(site, text, instance):
    return f"[{site.short_name or site.name}] {text}: {instance}"


def notify(sender, instance, name, user, event=None, author=None, base_url="", **kwargs):
    """core.signals.reviewed: the emails of one transition."""
    if name in SUBMITTED:
        recipients = approvers(sender, user)
        values = context(instance, user, base_url)
        values["is_change"] = name == "hold_change"
        return outbox.send(
            subject(values["site"], SUBMITTED[name], instance),
            render_to_string("lhh/email/review_submitted.txt", values),
            recipients,
            about=instance,
            kind=TO_APPROVERS,
        )
    is_own = user is not None and author is not None and author.pk == user.pk
    if name in DECIDED and author is not None and not is_own and author.email:
        heading, outcome = DECIDED[name]
        values = context(instance, user, base_url)
        values.update(
            author=name_of(author),
            outcome=outcome,
            comment=event.comment if event else "",
            at=event.at if event else None,
            state=instance.state_in_words,
            public_url=(
                base_url + instance.get_absolute_url()
                if instance.is_published and name in ("approve", "approve_change")
                else ""
            ),
        )
        return outbox.send(
            subject(values["site"], heading, instance),
            render_to_string("lhh/email/review_decided.txt", values),
            [author.email],
            about=instance,
            kind=TO_AUTHOR,
        )
    return None
