from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.upcoming_list, name="list"),
    path("da-dien-ra/", views.past_list, name="past"),
    path("lich/", views.month_calendar, name="calendar"),
    path("lich/<int:year>/<int:month>/", views.month_calendar, name="calendar_month"),
    path("lich.ics", views.calendar_ical, name="calendar_ical"),
    path("<slug:slug>.ics", views.event_ical, name="ical"),
    path("<slug:slug>/", views.event_detail, name="detail"),
]
