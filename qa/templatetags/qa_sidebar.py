"""HỎI VÀ ĐÁP: the latest answers block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("qa/sidebar/questions.html", takes_context=True)
def latest_questions(context):
    return {"questions": sidebar.rows(context, "questions")}
