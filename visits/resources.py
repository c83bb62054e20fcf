"""Visits per day for reports."""

from import_export import fields

from core.spreadsheets import DayWidget, SpreadsheetResource

from .models import VisitDay


class VisitDayResource(SpreadsheetResource):
    day = fields.Field("day", "Ngày", widget=DayWidget())
    count = fields.Field("count", "Số lượt")

    class Meta:
        model = VisitDay
        name = "Lượt truy cập theo ngày"
        fields = ["day", "count"]
