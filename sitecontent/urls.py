from django.urls import path

from core.cache import cache_page_for_visitors

from . import views

app_name = "sitecontent"

urlpatterns = [
    path("<slug:slug>/", cache_page_for_visitors(views.PageDetailView.as_view()), name="page"),
]
