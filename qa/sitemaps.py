from core.sitemaps import ContentSitemap

from .models import Question


class QuestionSitemap(ContentSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Question.objects.published().only("pk", "slug", "updated_at")

    def lastmod(self, question):
        return question.updated_at
