from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy

from core.feeds import XmlSafeRssFeed
from sitecontent.models import SiteProfile

from .models import Question


class AnswerFeed(Feed):
    """RSS of the answers published as FAQ."""

    feed_type = XmlSafeRssFeed
    link = reverse_lazy("qa:question_list")
    description = "Các câu hỏi của bạn đọc đã được trả lời và đăng công khai."

    def title(self):
        return f"Hỏi đáp – {SiteProfile.load().name}"

    def items(self):
        return Question.objects.published().select_related("topic")[:20]

    def item_title(self, question):
        return question.title

    def item_description(self, question):
        # The answer is sanitized HTML (nh3 on save); the question is plain text.
        return question.answer

    def item_pubdate(self, question):
        return question.published_at

    def item_updateddate(self, question):
        return question.updated_at

    def item_categories(self, question):
        return [question.topic.name]
