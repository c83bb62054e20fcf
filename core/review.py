"""Editorial review (duyệt bài): who may move a reviewed item between states.

Contributors (cộng tác viên) write and submit, editors (biên tập viên) edit
anyone's and return it to its author, approvers (người duyệt) publish and
unpublish. The rules are a small table of transitions, each with the states
it leaves, the state it reaches and the role it needs, checked by
`refusal()`; a state-machine library would bring its own field and admin
integration for five transitions, so the table is kept here.

The roles are model permissions, given to the staff groups by lhh.groups:
- author: `change_<model>` on an item of one's own (`created_by`);
- reviewer: `review_<model>` (an editor edits and returns anyone's items);
- approver: `approve_<model>` (publishes, unpublishes, edits everything).

`apply()` changes the state with a conditional UPDATE (`WHERE status = the
state read`), so two approvers approving at once publish it once: the
second finds no row in the state it read and is refused. The update goes
through core.models.ContentQuerySet, which bumps the content version and
tells the search index; `published()` stays "published and due by now".

Each stored transition is announced (core.signals.reviewed) inside its
transaction, in a savepoint: the emails it causes (lhh.notifications, the
outbox) exist exactly when the transition does, and nothing failing there
undoes the transition.
"""

import logging
from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone

from . import signals
from .fields import RichTextField
from .models import ReviewStatus
from .sanitize import sanitize_html

logger = logging.getLogger(__name__)

AUTHOR, REVIEWER, APPROVER = "author", "reviewer", "approver"
# What an author may still edit: the item is not waiting for review, nor live.
AUTHOR_EDITABLE = frozenset({ReviewStatus.DRAFT, ReviewStatus.RETURNED, ReviewStatus.UNPUBLISHED})


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: str
    role: str
    needs_comment: bool = False
    # A transition of the pending change to a live item (nothing else).
    on_pending_change: bool = False


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition("submit", "Gửi duyệt", AUTHOR_EDITABLE, ReviewStatus.PENDING, AUTHOR),
        Transition(
            "return",
            "Trả lại cho tác giả",
            frozenset({ReviewStatus.PENDING}),
            ReviewStatus.RETURNED,
            REVIEWER,
            needs_comment=True,
        ),
        # An approver may also publish a draft of their own without
        # submitting it to themselves first.
        Transition(
            "approve",
            "Duyệt và đăng",
            frozenset({ReviewStatus.PENDING, ReviewStatus.DRAFT, ReviewStatus.UNPUBLISHED}),
            ReviewStatus.PUBLISHED,
            APPROVER,
        ),
        Transition(
            "unpublish",
            "Gỡ xuống",
            frozenset({ReviewStatus.PUBLISHED}),
            ReviewStatus.UNPUBLISHED,
            APPROVER,
        ),
        # A change to a live item: approving makes it live in one step,
        # rejecting discards it; the item stays published either way.
        Transition(
            "approve_change",
            "Duyệt thay đổi",
            frozenset({ReviewStatus.PUBLISHED}),
            ReviewStatus.PUBLISHED,
            APPROVER,
            on_pending_change=True,
        ),
        Transition(
            "reject_change",
            "Từ chối thay đổi",
            frozenset({ReviewStatus.PUBLISHED}),
            ReviewStatus.PUBLISHED,
            APPROVER,
            needs_comment=True,
            on_pending_change=True,
        ),
        Transition(
            "redraft",
            "Chuyển về nháp để sửa",
            frozenset({ReviewStatus.RETURNED, ReviewStatus.UNPUBLISHED}),
            ReviewStatus.DRAFT,
            AUTHOR,
        ),
    ]
}


class TransitionRefused(Exception):
    """A transition the person may not make now; the message is for them."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def permission(model, action):
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def is_approver(user, model):
    return user.is_active and user.has_perm(permission(model, "approve"))


def is_reviewer(user, model):
    return is_approver(user, model) or (
        user.is_active and user.has_perm(permission(model, "review"))
    )


def is_author(user, obj):
    return obj.created_by_id is not None and obj.created_by_id == user.pk


def may_see(user, obj):
    """Whether the admin shows `obj` to `user`: a contributor sees only their own."""
    return is_reviewer(user, type(obj)) or is_author(user, obj)


def may_edit(user, obj):
    """Whether `user` may change the content of `obj` in the admin.

    Approvers edit everything. Editors edit anyone's item, and a
    contributor their own while it is not waiting for review; a change of
    theirs to a live item is held for approval (`holds_changes`).
    """
    model = type(obj)
    if is_approver(user, model):
        return True
    if not user.has_perm(permission(model, "change")):
        return False
    if is_reviewer(user, model):
        return True
    return is_author(user, obj) and (
        obj.status in AUTHOR_EDITABLE or obj.status == ReviewStatus.PUBLISHED
    )


def may_delete(user, obj):
    """Only approvers delete a live item."""
    if is_approver(user, type(obj)):
        return True
    return obj.status != ReviewStatus.PUBLISHED and may_edit(user, obj)


def holds_changes(user, obj):
    """Whether a save of `obj` by `user` waits for approval instead of
    changing the live item."""
    return obj.status == ReviewStatus.PUBLISHED and not is_approver(user, type(obj))


def has_role(user, obj, role):
    model = type(obj)
    if role == APPROVER:
        return is_approver(user, model)
    if role == REVIEWER:
        return is_reviewer(user, model)
    return user.has_perm(permission(model, "change")) and (
        is_reviewer(user, model) or is_author(user, obj)
    )


def refusal(user, obj, name, comment=""):
    """Why `user` may not make transition `name` on `obj` now, or None."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        return "Không có thao tác duyệt này."
    if transition.on_pending_change and getattr(obj, "pending_change", None) is None:
        return "Bài không có thay đổi nào đang chờ duyệt."
    if obj.status not in transition.sources:
        return (
            f"Không thể “{transition.label}” khi bài đang ở trạng thái "
            f"“{obj.get_status_display()}”."
        )
    if not has_role(user, obj, transition.role):
        return f"Bạn không có quyền “{transition.label}”."
    if transition.needs_comment and not comment.strip():
        return f"Hãy ghi nhận xét cho tác giả khi “{transition.label}”."
    return None


def transitions_for(user, obj):
    """The transitions `user` may make on `obj`, for the form's buttons."""
    return [
        transition
        for transition in TRANSITIONS.values()
        if obj.status in transition.sources
        and has_role(user, obj, transition.role)
        and (getattr(obj, "pending_change", None) is not None) == transition.on_pending_change
    ]


def apply(obj, name, user, comment="", *, base_url=""):
    """Make transition `name` on the stored `obj`, record it, and return the event.

    Raises TransitionRefused with a Vietnamese message when the transition
    is not allowed, or when the item left the state it was read in.
    `base_url` (scheme and host) makes the links of its emails absolute.
    """
    problem = refusal(user, obj, name, comment)
    if problem:
        raise TransitionRefused(problem)
    transition = TRANSITIONS[name]
    if transition.on_pending_change:
        return apply_to_pending_change(obj, transition, user, comment, base_url)
    model = type(obj)
    now = timezone.now()
    changes = {"status": transition.target}
    # Approving publishes now, or at the chosen time when that is later.
    if transition.target == ReviewStatus.PUBLISHED and obj.published_at <= now:
        changes["published_at"] = now
    if transition.target == ReviewStatus.PENDING:
        changes["submitted_at"] = now
    for field_name, value in (("updated_at", now), ("updated_by", user)):
        if any(field.name == field_name for field in model._meta.concrete_fields):
            changes[field_name] = value
    source = obj.status
    with transaction.atomic():
        rows = model._default_manager.filter(pk=obj.pk, status=source).update(**changes)
        if not rows:
            raise TransitionRefused(
                "Bài vừa được người khác chuyển sang trạng thái khác; "
                "hãy tải lại trang để xem trạng thái mới."
            )
        for field_name, value in changes.items():
            setattr(obj, field_name, value)
        event = obj.review_events.create(
            user=user,
            action=transition.label,
            from_status=source,
            to_status=transition.target,
            comment=comment.strip(),
        )
        record_revision(obj, user, event)
        announce(obj, name, user, event=event, author=obj.created_by, base_url=base_url)
    return event


def hold_change(obj, user, values, *, base_url=""):
    """Keep `values` ({review field: value}) as the pending change of the
    live `obj`, replacing an earlier one; the live row is left as it is.
    A first change is announced (the approvers hear of it); editing the
    waiting change again is not, and keeps its place in the queue."""
    model = type(obj)
    values = {name: values[name] for name in obj.review_fields if name in values}
    for name, value in values.items():
        # Sanitized now, as a save would: reviewers read it before it is saved.
        if isinstance(model._meta.get_field(name), RichTextField):
            values[name] = sanitize_html(value)
    is_new = obj.pending_change is None
    changes = {"pending_change": values, "pending_by": user}
    if is_new:
        changes["submitted_at"] = timezone.now()
    with transaction.atomic():
        type(obj)._default_manager.filter(pk=obj.pk).update(**changes)
        for field_name, value in changes.items():
            setattr(obj, field_name, value)
        if is_new:
            announce(obj, "hold_change", user, author=user, base_url=base_url)


def apply_to_pending_change(obj, transition, user, comment, base_url=""):
    """Approve (make live, one save) or reject (discard) the pending change."""
    model = type(obj)
    with transaction.atomic():
        # Locked, so two approvers approving at once apply it once.
        stored = model._default_manager.select_for_update().get(pk=obj.pk)
        if stored.pending_change is None or stored.status != ReviewStatus.PUBLISHED:
            raise TransitionRefused(
                "Thay đổi này vừa được người khác duyệt hoặc từ chối; hãy tải lại trang."
            )
        proposer = stored.pending_by
        if transition.name == "approve_change":
            for name, value in stored.pending_change.items():
                if name in model.review_fields:
                    setattr(stored, name, value)
            if hasattr(stored, "updated_by_id"):
                stored.updated_by = user
        stored.pending_change = None
        stored.pending_by = None
        # A full save: sanitizing, the search index, the content version
        # (so the next request shows the new text), a version in the history.
        stored.save()
        event = stored.review_events.create(
            user=user,
            action=transition.label,
            from_status=stored.status,
            to_status=stored.status,
            comment=comment.strip(),
        )
        record_revision(stored, user, event)
        announce(stored, transition.name, user, event=event, author=proposer, base_url=base_url)
    for field in model._meta.concrete_fields:
        setattr(obj, field.attname, getattr(stored, field.attname))
    return event


def announce(obj, name, user, *, event=None, author=None, base_url=""):
    """Send core.signals.reviewed for a stored transition, in a savepoint:
    a receiver that fails (an email that cannot be written) is logged and
    undone, and the transition stays stored."""
    try:
        with transaction.atomic():
            signals.reviewed.send(
                sender=type(obj),
                instance=obj,
                name=name,
                event=event,
                user=user,
                author=author,
                base_url=base_url,
            )
    except Exception:
        logger.exception("Announcing %s of %s %s failed", name, obj._meta.label, obj.pk)


def record_revision(obj, user, event):
    """The transition in the item's history (django-reversion), with its comment."""
    text = str(event) + (f": {event.comment}" if event.comment else "")
    if reversion.is_active():
        reversion.add_to_revision(obj)
        reversion.set_comment(text)
        return
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(text)
        reversion.add_to_revision(obj)
