import factory
from django.utils import timezone

from qa.models import Question, QuestionStatus, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    asker_name = "Nguyễn Văn An"
    email = "an.nguyen@example.com"
    phone = "0912 345 678"
    address = "12 Trần Phú, Đà Lạt"
    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Câu hỏi về hoạt động hội số {n}")
    body = "Xin hỏi thủ tục gia nhập Liên hiệp Hội gồm những gì?"


class AnsweredQuestionFactory(QuestionFactory):
    status = QuestionStatus.ANSWERED
    answer = "<p>Hồ sơ gồm đơn đề nghị và Điều lệ của hội.</p>"
    answered_at = factory.LazyFunction(timezone.now)


class PublishedQuestionFactory(AnsweredQuestionFactory):
    is_published_as_faq = True


def question_form(topic):
    """What a visitor types into the question form (captcha in test mode)."""
    return {
        "asker_name": "Nguyễn Văn An",
        "email": "an.nguyen@example.com",
        "phone": "0912 345 678",
        "address": "12 Trần Phú, Đà Lạt",
        "topic": str(topic.pk),
        "title": "Thủ tục gia nhập Liên hiệp Hội",
        "body": "Xin hỏi hội chúng tôi cần chuẩn bị hồ sơ gì để gia nhập Liên hiệp Hội?",
        "consent": "on",
        "consent_email": "on",
        "website": "",
        "captcha_0": "khoa-thu",
        "captcha_1": "PASSED",
    }
