"""HỎI VÀ ĐÁP: the latest answers block."""

from django import template

from core import sidebar

register = template.Library()


@register.inclusion_tag("qa/sidebar/questions.html")
def latest_questions():
    return {"questions": sidebar.rows("questions")}
