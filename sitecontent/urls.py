from django.urls import path

from . import views

app_name = "sitecontent"

urlpatterns = [
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page"),
]
