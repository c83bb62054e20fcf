from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

import medialibrary.views
from bulletins.sitemaps import IssueSitemap
from contests.sitemaps import ProgrammeSitemap
from core import media
from core.cache import cache_page_for_visitors
from core.views import preview_link
from documents.sitemaps import DocumentFileSitemap, DocumentSitemap
from events.feeds import LatestEventsFeed
from events.sitemaps import EventIndexSitemap, EventSitemap
from gallery.sitemaps import AlbumSitemap
from members.sitemaps import MemberSitemap
from news.feeds import CategoryArticlesFeed, LatestArticlesFeed
from news.sitemaps import ArticleSitemap, CategorySitemap, NewsIndexSitemap
from qa.sitemaps import QuestionSitemap
from sitecontent.sitemaps import PageSitemap
from sitecontent.urls import english_patterns

from . import views
from .sitemaps import StaticViewSitemap

admin.site.site_header = "Quản trị Cổng thông tin LHH"
admin.site.site_title = "Quản trị LHH"
admin.site.index_title = "Quản lý nội dung"

sitemaps = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "members": MemberSitemap,
    "documents": DocumentSitemap,
    "document-files": DocumentFileSitemap,
    "qa": QuestionSitemap,
    "news-index": NewsIndexSitemap,
    "news-categories": CategorySitemap,
    "news": ArticleSitemap,
    "albums": AlbumSitemap,
    "events-index": EventIndexSitemap,
    "events": EventSitemap,
    "bulletins": IssueSitemap,
    "contests": ProgrammeSitemap,
}

lhh_patterns = (
    [
        path("", cache_page_for_visitors(views.HomeView.as_view()), name="home"),
        path("so-do-trang/", views.SiteMapView.as_view(), name="site_map"),
    ],
    "lhh",
)

urlpatterns = [
    path("", include(lhh_patterns)),
    path("gioi-thieu/", include("sitecontent.urls")),
    # The English section (NĐ 42/2022 Điều 7): the introduction pages.
    path("en/", include(english_patterns)),
    path("tim-kiem/", include("search.urls")),
    path("tin-tuc/", include("news.urls")),
    path("to-chuc-thanh-vien/", include("members.urls")),
    path("van-ban/", include("documents.urls")),
    path("hoi-dap/", include("qa.urls")),
    path("thu-vien-anh/", include("gallery.urls")),
    path("cuoc-thi/", include("contests.urls")),
    path("dang-ky/", include("registrations.urls")),
    path("su-kien/", include("events.urls")),
    path("ban-tin/", include("bulletins.urls")),
    path("luot-truy-cap/", include("visits.urls")),
    # A reviewed item's pending version, for someone without an account.
    path("xem-truoc/<str:token>/", preview_link, name="preview_link"),
    path("rss/tin-tuc/", LatestArticlesFeed(), name="rss_news"),
    path("rss/tin-tuc/<slug:slug>/", CategoryArticlesFeed(), name="rss_news_category"),
    path("rss/su-kien/", LatestEventsFeed(), name="rss_events"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    # Our own upload view under the name django-ckeditor-5's widget reverses:
    # it checks images by content (core.validators) before storing them.
    path(
        "ckeditor5/image_upload/",
        medialibrary.views.editor_image_upload,
        name="ck_editor_5_upload_file",
    ),
    path("captcha/", include("captcha.urls")),
    re_path(
        rf"^admin/lhh/(?P<model>{'|'.join(views.MOVED_ADMIN_MODELS)})/(?P<rest>.*)$",
        views.moved_admin_page,
    ),
    path("admin/", admin.site.urls),
]

# A missing page of the English section says so in English.
handler404 = views.page_not_found

# Uploads, each served only to those who may see what it belongs to.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve, name="media")]
