from django.db import models


class VisitDay(models.Model):
    """Visits counted on one day; written once per new visit, never per request."""

    day = models.DateField("ngày", unique=True)
    count = models.PositiveIntegerField("số lượt", default=0)

    class Meta:
        db_table = "lhh_visitday"
        ordering = ["-day"]
        verbose_name = "lượt truy cập trong ngày"
        verbose_name_plural = "lượt truy cập theo ngày"

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.count}"
