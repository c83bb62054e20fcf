from django.urls import path

from core.cache import cache_page_for_visitors

from . import views
from .feeds import AnswerFeed

app_name = "qa"

urlpatterns = [
    path("", cache_page_for_visitors(views.QuestionListView.as_view()), name="question_list"),
    path("dat-cau-hoi/", views.AskView.as_view(), name="ask"),
    path("cam-on/", views.ThanksView.as_view(), name="thanks"),
    path("tra-cuu/", views.LookupView.as_view(), name="lookup"),
    path("xoa-thong-tin/", views.ErasureRequestView.as_view(), name="erasure_request"),
    path("xoa-thong-tin/xac-nhan/", views.ErasureConfirmView.as_view(), name="erasure_confirm"),
    path("rss/", AnswerFeed(), name="feed"),
    path(
        "<int:pk>-<str:slug>/",
        cache_page_for_visitors(views.QuestionDetailView.as_view()),
        name="question_detail",
    ),
    path("<int:pk>/", views.question_detail_fallback, name="question_detail_short"),
]
