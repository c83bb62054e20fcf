from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone

# django-axes names its records in English in code ("Attempted Access: …",
# "Access Log for … @ …"), which no catalogue translates and which the admin
# shows in its breadcrumbs, titles and checkbox labels. These proxies of its
# models (same tables) give the admin Vietnamese names for them.


def _moment(value):
    return timezone.localtime(value).strftime("%H:%M:%S %d/%m/%Y") if value else "—"


class LoginAttempt(AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = "lần thử đăng nhập"
        verbose_name_plural = "lần thử đăng nhập"

    def __str__(self):
        return f"Lần thử đăng nhập của {self.username} lúc {_moment(self.attempt_time)}"


class LoginFailure(AccessFailureLog):
    class Meta:
        proxy = True
        verbose_name = "lần đăng nhập sai"
        verbose_name_plural = "lần đăng nhập sai"

    def __str__(self):
        locked = " (bị khóa)" if self.locked_out else ""
        return (
            f"Đăng nhập sai của {self.username}{locked} lúc {_moment(self.attempt_time)}"
            f" từ {self.ip_address}"
        )


class LoginLog(AccessLog):
    class Meta:
        proxy = True
        verbose_name = "nhật ký đăng nhập"
        verbose_name_plural = "nhật ký đăng nhập"

    def __str__(self):
        return f"Đăng nhập của {self.username} lúc {_moment(self.attempt_time)}"
