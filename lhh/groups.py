"""The staff groups and their permissions, kept right after every migrate.

Data migrations create the groups on a fresh database; this post_migrate
handler re-creates what a flush removed (the test runner flushes between
browser tests) and gives a group the permissions of models added later.
It only adds: a permission staff took away stays away until the next
migrate, which is when new permissions may appear.
"""

ALL = ("add", "change", "delete", "view")
# Editorial review (core.review): "review" edits anyone's item and returns
# it to its author, "approve" publishes and unpublishes.
WRITE = ("add", "change", "delete", "view")
REVIEW = (*WRITE, "review")
APPROVE = (*REVIEW, "approve")

CONTRIBUTOR_GROUP = "Cộng tác viên"
EDITOR_GROUP = "Biên tập viên"
APPROVER_GROUP = "Người duyệt"
CONTESTS_GROUP = "Cán bộ cuộc thi"

STAFF_GROUPS = {
    # Writes articles and pages of their own and submits them for review;
    # deletes only their own, never a live one (core.review.may_edit).
    CONTRIBUTOR_GROUP: {
        "news.article": WRITE,
        "news.category": ("view",),
        "sitecontent.page": WRITE,
        # Events, like articles; the organiser and the attached documents
        # are picked from lists they may read (autocomplete).
        "events.event": WRITE,
        "members.organization": ("view",),
        "documents.document": ("view",),
        # An event's online registration form is chosen from the list.
        "registrations.registrationform": ("view",),
        # Pictures for their articles, and their alt text.
        "medialibrary.mediaitem": ("view", "add", "change"),
    },
    # Edits anyone's news and pages and returns them with a comment; writes
    # photo albums. Publishing is the approvers'.
    EDITOR_GROUP: {
        "news.article": REVIEW,
        "news.category": ALL,
        "sitecontent.page": REVIEW,
        "events.event": REVIEW,
        "documents.document": ("view",),
        # An event's online registration form is chosen from the list.
        "registrations.registrationform": ("view",),
        "medialibrary.mediaitem": ALL,
        "gallery.album": ALL,
        "gallery.photo": ALL,
        # The member directory (TỔ CHỨC THÀNH VIÊN), which the association's
        # office keeps in Excel too (Nhập/Xuất bảng tính, core.spreadsheets).
        "members.organizationgroup": ALL,
        "members.organization": ALL,
        "members.field": ALL,
        # The old site's addresses and the redirects staff add beside them.
        "oldsite.oldaddress": ALL,
        # Bản tin: each issue, its PDF and its contents (mục lục).
        "bulletins.series": ALL,
        "bulletins.issue": ALL,
        "bulletins.contentsentry": ALL,
    },
    # Approves (Trưởng ban biên tập): publishes now or at a chosen time,
    # returns with a comment, unpublishes.
    APPROVER_GROUP: {
        "news.article": APPROVE,
        "news.category": ("view",),
        "sitecontent.page": APPROVE,
        "events.event": APPROVE,
        "members.organization": ("view",),
        "documents.document": ("view",),
        # An event's online registration form is chosen from the list.
        "registrations.registrationform": ("view",),
        "medialibrary.mediaitem": ("view", "add", "change"),
    },
    # Records clerk: regulations and their files, nothing else.
    "Văn thư": {
        "documents.documenttype": ALL,
        "documents.issuer": ALL,
        "documents.field": ALL,
        "documents.document": ALL,
        "documents.documentfile": ALL,
        # The printed bulletin's issues, which the office also files.
        "bulletins.series": ("view",),
        "bulletins.issue": ALL,
        "bulletins.contentsentry": ALL,
    },
    # Answers questions; spam is a status, so nothing is deleted.
    "Cán bộ hỏi đáp": {
        "qa.question": ("view", "change"),
        "qa.topic": ("view", "add", "change"),
        # Extra days off and make-up working days, which move the deadlines.
        "qa.calendarday": ALL,
        # Pictures in answers come from, and go into, the media library.
        "medialibrary.mediaitem": ("view", "add", "change"),
        # The outbox: whether an asker's email left, and "Gửi lại" (change).
        "mail.email": ("view", "change"),
    },
    # Runs contests and awards (cuộc thi, giải thưởng): their pages, the
    # online registration forms, and the entries, which they judge and
    # export; entries come only from the public form (no add).
    CONTESTS_GROUP: {
        "contests.programme": ALL,
        "contests.programmefile": ALL,
        "registrations.registrationform": ALL,
        "registrations.formfield": ALL,
        "registrations.entry": ("view", "change"),
        "registrations.entryfile": ("view",),
        "medialibrary.mediaitem": ("view", "add", "change"),
        # The outbox: whether an entrant's email left, and "Gửi lại".
        "mail.email": ("view", "change"),
    },
}


def ensure_staff_groups(using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for name, grants in STAFF_GROUPS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        wanted = Q(pk__in=[])
        for label, actions in grants.items():
            app_label, model = label.split(".")
            wanted |= Q(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        group.permissions.add(*Permission.objects.using(using).filter(wanted))
