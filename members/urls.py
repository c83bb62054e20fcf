from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.OrganizationGroupListView.as_view(), name="index"),
    path("<slug:slug>/", views.OrganizationListView.as_view(), name="group"),
    path(
        "<slug:group_slug>/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization",
    ),
]
