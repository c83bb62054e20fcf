from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("cam-on/", views.ThanksView.as_view(), name="thanks"),
    path("tra-cuu/", views.LookupView.as_view(), name="lookup"),
    path("xoa-thong-tin/", views.ErasureRequestView.as_view(), name="erasure_request"),
    path("xoa-thong-tin/xac-nhan/", views.ErasureConfirmView.as_view(), name="erasure_confirm"),
    path("<slug:slug>/", views.RegisterView.as_view(), name="register"),
]
