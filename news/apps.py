from core import apps


class NewsConfig(apps.ContentAppConfig):
    name = "news"
    verbose_name = "Tin tức"
    # The review log and the preview links (core.review) are for staff and
    # their guests; no list visitors see changes with them.
    private_models = ("articlereview", "articlepreviewlink")

    def ready(self):
        from core import media, sidebar
        from medialibrary import usage
        from search import registry
        from visits.views import register_view_counter

        from . import views
        from .models import Article

        super().ready()
        # The cover of a draft or scheduled article, and its renditions; an
        # expired one's page still answers, with its cover.
        media.protect("news/", Article.objects.reachable, "cover", "news.view_article")
        # Which library images each article's body shows.
        usage.track(Article, "body")
        registry.register(Article, slug="tin-tuc", label="Tin tức", position=10)
        # Its sidebar block, read with the others in one query.
        sidebar.register(Article.objects.sidebar_notices)
        # An article page asks the visit counter to count its view.
        register_view_counter("bai", views.count_view)
