from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "members"

urlpatterns = [
    path("", cache_page_for_visitors(views.OrganizationGroupListView.as_view()), name="index"),
    path(
        "<slug:slug>/", cache_page_for_visitors(views.OrganizationListView.as_view()), name="group"
    ),
    path(
        "<slug:group_slug>/<slug:slug>/",
        cache_page_for_visitors(views.OrganizationDetailView.as_view()),
        name="organization",
    ),
]
