import re

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from core.views import StaffPreviewMixin

from .models import Field, Organization, OrganizationGroup, round_down_figure

# The query-string name of the field filter: ?linh-vuc=y-te
FIELD_PARAM = "linh-vuc"
SLUG_RE = re.compile(r"^[-a-z0-9]{1,200}$")


class OrganizationGroupListView(ListView):
    """/to-chuc-thanh-vien/: every group with its first organizations and the statistics."""

    model = OrganizationGroup
    # Organizations listed per group; a longer group links to its own page,
    # which is paginated, so the directory stays one screenful per group.
    per_group = 30

    def get_queryset(self):
        organizations = Organization.objects.active().only(
            "name", "short_name", "slug", "group_id", "leader_name", "leader_title", "member_count"
        )
        return OrganizationGroup.objects.with_statistics().with_active_organizations(
            organizations[: self.per_group]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The groups' own totals, summed: no extra query, and the figure
        # always agrees with the group totals shown below it.
        organizations = 0
        members = 0
        for group in context["object_list"]:
            group.member_total = group.member_total or 0
            group.hidden_count = group.organization_count - len(group.active_organizations)
            organizations += group.organization_count
            members += group.member_total
        context["statistics"] = {
            "organizations": organizations,
            "members": members,
            "members_rounded": round_down_figure(members),
        }
        return context


class OrganizationListView(ListView):
    """/to-chuc-thanh-vien/<group>/: the group's organizations, filterable by field."""

    model = Organization
    paginate_by = 20

    def get_queryset(self):
        self.group = get_object_or_404(OrganizationGroup, slug=self.kwargs["slug"])
        self.fields = list(
            Field.objects.filter(organizations__group=self.group, organizations__is_active=True)
            .distinct()
            .order_by("order", "name")
        )
        self.field = None
        self.unknown_field = ""
        value = self.request.GET.get(FIELD_PARAM, "").strip()
        if value:
            # Chosen among the fields the list offers, so an unknown or
            # malformed value (even a NUL byte) never reaches the database.
            self.field = next((f for f in self.fields if f.slug == value), None)
            if self.field is None:
                self.unknown_field = value if SLUG_RE.match(value) else "?"
        organizations = (
            Organization.objects.active()
            .filter(group=self.group)
            .select_related("group")
            .prefetch_related("fields")
        )
        if self.field is not None:
            organizations = organizations.filter(fields=self.field)
        return organizations

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            group=self.group,
            current_group_id=self.group.pk,
            fields=self.fields,
            field=self.field,
            unknown_field=self.unknown_field,
            field_param=FIELD_PARAM,
            **kwargs,
        )


class OrganizationDetailView(StaffPreviewMixin, DetailView):
    """/to-chuc-thanh-vien/<group>/<organization>/: an organization's profile;
    a hidden one is a preview for staff who may edit organizations."""

    model = Organization

    def get_queryset(self):
        return super().get_queryset().select_related("group").prefetch_related("fields")

    def public_queryset(self, queryset):
        return queryset.active()

    def is_public(self, obj):
        return obj.is_active

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The organization's slug is the stable part; a profile reached under
        # another group's path (it moved) is sent to its one address.
        if self.object.group.slug != kwargs["group_slug"]:
            return redirect(self.object, permanent=True)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            current_organization_id=self.object.pk,
            current_group_id=self.object.group_id,
            **kwargs,
        )
