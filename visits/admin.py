from django.contrib import admin

from core.spreadsheets import SpreadsheetExportMixin

from .models import VisitDay
from .resources import VisitDayResource


@admin.register(VisitDay)
class VisitDayAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["day", "count"]
    date_hierarchy = "day"
    # Xuất: visits per day (as filtered) for reports. Nobody changes these
    # rows, so whoever may see them may export them.
    resource_classes = [VisitDayResource]
    export_permissions = ("view",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
