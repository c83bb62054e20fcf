from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User

from core.adminsearch import FoldedSearchMixin

from .models import (
    LoginAttempt,
    LoginFailure,
    LoginLog,
)

# django-axes' screens, on proxies of its models that name records in
# Vietnamese (lhh.models); its own registrations are replaced.
for axes_model in (AccessAttempt, AccessFailureLog, AccessLog):
    admin.site.unregister(axes_model)


@admin.register(LoginAttempt)
class LoginAttemptAdmin(FoldedSearchMixin, axes_admin.AccessAttemptAdmin):
    pass


@admin.register(LoginFailure)
class LoginFailureAdmin(FoldedSearchMixin, axes_admin.AccessFailureLogAdmin):
    pass


@admin.register(LoginLog)
class LoginLogAdmin(FoldedSearchMixin, axes_admin.AccessLogAdmin):
    pass


# Django's users and groups, searched like every other list ("nguyen van"
# finds "Nguyễn Văn An").
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class UserAdmin(FoldedSearchMixin, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(FoldedSearchMixin, auth_admin.GroupAdmin):
    pass
