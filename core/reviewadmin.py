"""The admin side of editorial review (core.review), for a reviewed model's ModelAdmin.

Put first among the bases, before VersionAdmin. The state and, except for
approvers, the publish time are read-only on the form: they change only
through the transition buttons, so a tampered `status` or `published_at`
field is ignored. A contributor's list holds only their own items and
another person's item answers 403 by its address; bulk deletion and list
editing (both touch live items) are for approvers only; reverting to an
older version restores its content, never its state; a deleted item is
recovered only by someone who may edit it in the state it was deleted in.

Preview links for people without an account (core.models.PreviewLink) are
made and revoked from the change form, by whoever may see the item there.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from reversion.models import Version

from . import review
from .diff import word_diff
from .fields import RichTextField
from .models import ReviewStatus, Status, moment_in_words
from .text import html_to_text


def site_url(request):
    """The scheme and host the person reached the admin by, for the links
    of the emails a transition causes."""
    return request.build_absolute_uri("/").rstrip("/")


class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue (chờ duyệt: sent for review, or a live item with a
    change waiting), and one's own items (của tôi)."""

    title = "duyệt bài"
    parameter_name = "duyet"
    WAITING = "cho-duyet"
    MINE = "cua-toi"

    def lookups(self, request, model_admin):
        return [
            (self.WAITING, "Chờ duyệt (cả thay đổi của bài đang đăng)"),
            (self.MINE, "Của tôi"),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.WAITING:
            return queryset.filter(Q(status=ReviewStatus.PENDING) | Q(pending_change__isnull=False))
        if self.value() == self.MINE:
            return queryset.filter(created_by=request.user)
        return queryset


def preview_url(request, link):
    """The absolute address of a preview link, to copy and send."""
    return request.build_absolute_uri(reverse("preview_link", args=[link.token]))


class ReviewAdminMixin:
    change_form_template = "admin/review_change_form.html"

    @admin.display(description="trạng thái", ordering="status")
    def state(self, item):
        # "Đã duyệt" with a future time is a scheduled item: say so.
        if item.status == Status.PUBLISHED and not item.is_published:
            return "Hẹn giờ đăng"
        if item.status == Status.PUBLISHED and item.is_expired:
            return "Hết hạn hiển thị"
        return item.get_status_display()

    @admin.display(description="tình trạng")
    def publication_state(self, item):
        if item.pk is None:
            return "Chưa lưu."
        return item.state_in_words

    def get_list_filter(self, request):
        return [ReviewQueueFilter, *super().get_list_filter(request)]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "status"]
        if not review.is_approver(request.user, self.model):
            fields.append("published_at")
        if obj is not None and review.holds_changes(request.user, obj):
            # A change to a live item is held for approval: only its text.
            declared = flatten_fieldsets(self.fieldsets) if self.fieldsets else self.fields or []
            fields += [name for name in declared if name not in self.model.review_fields]
        return list(dict.fromkeys(fields))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if review.is_reviewer(request.user, self.model):
            return queryset
        return queryset.filter(created_by=request.user)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        kept = getattr(request, "review_kept_state", None)
        if obj is not None and kept:
            obj.status, obj.published_at = kept["status"], kept["published_at"]
        elif obj is not None and obj.pending_change and review.holds_changes(request.user, obj):
            # Editors go on from the change waiting for approval.
            for name, value in obj.pending_change.items():
                if name in self.model.review_fields:
                    setattr(obj, name, value)
        if obj is None and from_field is None:
            # Another person's item: refused, not "does not exist".
            try:
                exists = self.model._default_manager.filter(pk=object_id).exists()
            except (ValueError, TypeError, ValidationError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or review.may_see(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or review.may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or review.may_delete(request.user, obj))

    def has_approve_permission(self, request):
        return review.is_approver(request.user, self.model)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not review.is_approver(request.user, self.model):
            # delete_selected checks no object: it would delete live items.
            actions.pop("delete_selected", None)
        return actions

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not review.is_approver(request.user, self.model):
            changelist.list_editable = ()
        return changelist

    def has_revert_permission(self, request, obj):
        """Reverting writes the old version straight into the live row: not
        for a change that must wait for approval."""
        return self.has_change_permission(request, obj) and not review.holds_changes(
            request.user, obj
        )

    def save_model(self, request, obj, form, change):
        if change and review.holds_changes(request.user, obj):
            if form.has_changed():
                review.hold_change(obj, request.user, form.cleaned_data, base_url=site_url(request))
                self.message_user(
                    request,
                    "Thay đổi đã được lưu và đang chờ duyệt; trang công khai giữ nội dung cũ "
                    "cho đến khi người duyệt đồng ý.",
                    messages.INFO,
                )
            return
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def pending_diff(self, obj):
        """(label, live, word diff) of each field the pending change touches."""
        if not obj or not obj.pk or obj.pending_change is None:
            return []
        live = self.model._default_manager.get(pk=obj.pk)
        rows = []
        for name in self.model.review_fields:
            if name not in obj.pending_change:
                continue
            before, after = getattr(live, name) or "", obj.pending_change[name] or ""
            if before == after:
                continue
            field = self.model._meta.get_field(name)
            if isinstance(field, RichTextField):
                before, after = html_to_text(before), html_to_text(after)
            label = field.verbose_name
            rows.append((label, before, word_diff(before, after)))
        return rows

    # The transition buttons ---------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        in_revision = extra_context.get("revert") or extra_context.get("recover")
        name = request.POST.get("_transition") if request.method == "POST" else None
        request.review_transition = None
        if name and not in_revision:
            stored = self.get_object(request, unquote(object_id)) if object_id else None
            probe = stored or self.model(created_by=request.user)
            comment = request.POST.get("review_comment", "")
            problem = review.refusal(request.user, probe, name, comment)
            if problem:
                # Nothing is saved: the person reads why and tries again.
                self.message_user(request, problem, messages.ERROR)
                return redirect(request.get_full_path())
            request.review_transition = (name, comment)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        in_revision = context.get("revert") or context.get("recover")
        probe = obj or self.model(created_by=request.user)
        may_save = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        context["review_transitions"] = (
            review.transitions_for(request.user, probe) if may_save and not in_revision else []
        )
        context["pending_diff"] = (
            self.pending_diff(obj) if review.is_reviewer(request.user, self.model) else []
        )
        context["pending_by"] = obj.pending_by if obj and obj.pending_change is not None else None
        context["review_events"] = (
            list(obj.review_events.select_related("user")) if obj and obj.pk else []
        )
        context["may_share"] = (
            bool(obj and obj.pk) and not in_revision and self.may_share(request, obj)
        )
        if context["may_share"]:
            links = list(obj.preview_links.select_related("created_by", "revoked_by"))
            for link in links:
                link.url = preview_url(request, link) if link.is_active else ""
            context["preview_links"] = links
            context["preview_link_days"] = settings.PREVIEW_LINK_DAYS
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self.apply_requested_transition(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.apply_requested_transition(request, obj)
        return super().response_change(request, obj)

    def apply_requested_transition(self, request, obj):
        requested = getattr(request, "review_transition", None)
        if not requested:
            return
        name, comment = requested
        try:
            event = review.apply(obj, name, request.user, comment, base_url=site_url(request))
        except review.TransitionRefused as refused:
            self.message_user(request, refused.message, messages.ERROR)
            return
        self.message_user(
            request,
            f"“{obj}”: {event.get_from_status_display()} → {event.get_to_status_display()}.",
            messages.SUCCESS,
        )

    # Preview links -------------------------------------------------------------

    def may_share(self, request, obj):
        """Whoever may see the item and edit the model shares its pending
        version: a contributor their own, reviewers anyone's."""
        return super().has_change_permission(request) and review.may_see(request.user, obj)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        share = self.admin_site.admin_view(self.share_view)
        revoke = self.admin_site.admin_view(self.revoke_view)
        return [
            path("<path:object_id>/preview-links/", share, name=f"{name}_share"),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                revoke,
                name=f"{name}_revoke_share",
            ),
            *super().get_urls(),
        ]

    def shared_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("Không tìm thấy mục này.")
        if not self.may_share(request, obj):
            raise PermissionDenied
        return obj

    def back_to_form(self, obj):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return redirect(f"{url}#preview-links")

    def share_view(self, request, object_id):
        """A new preview link (the change form's "Tạo liên kết xem trước")."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.shared_object(request, object_id)
        link = obj.preview_links.create(created_by=request.user)
        self.message_user(
            request,
            f"Đã tạo liên kết xem trước, dùng được đến {moment_in_words(link.expires_at)}: "
            f"{preview_url(request, link)}",
            messages.SUCCESS,
        )
        return self.back_to_form(obj)

    def revoke_view(self, request, object_id, link_id):
        """Revoke a link: from now on it answers 410, never the content."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.shared_object(request, object_id)
        link = get_object_or_404(obj.preview_links, pk=link_id)
        if link.revoked_at is None:
            link.revoked_at, link.revoked_by = timezone.now(), request.user
            link.save(update_fields=["revoked_at", "revoked_by"])
        self.message_user(request, "Đã thu hồi liên kết xem trước.", messages.SUCCESS)
        return self.back_to_form(obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        events = list(obj.review_events.select_related("user")) if obj else []
        return super().history_view(
            request, object_id, {**(extra_context or {}), "review_events": events}
        )

    # Versions restore content, never the state -------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion writes the old version, state included, before
        # the form opens: get_object() puts the stored state back on it.
        stored = self.model._default_manager.filter(pk=unquote(object_id)).first()
        # Looking at an old version is fine; writing it into a live item is
        # for approvers only.
        if request.method == "POST" and stored and review.holds_changes(request.user, stored):
            raise PermissionDenied
        request.review_kept_state = (
            {"status": stored.status, "published_at": stored.published_at} if stored else None
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def has_recover_permission(self, request, obj):
        """A deleted item comes back in the state it was deleted in: only
        those who may edit it in that state bring it back, and a live one
        comes back live, which is publishing: the approvers'."""
        return review.may_edit(request.user, obj) and not review.holds_changes(request.user, obj)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        fields = version.field_dict
        probe = self.model(
            status=fields.get("status", ReviewStatus.DRAFT),
            created_by_id=fields.get("created_by_id", fields.get("created_by")),
        )
        if not self.has_recover_permission(request, probe):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
