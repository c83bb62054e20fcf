"""The rich-text editor with the media library beside it."""

from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from django_ckeditor_5.widgets import CKEditor5Widget

from core.fields import RichTextField


class RichTextWidget(CKEditor5Widget):
    """The editor with the media library beside it: a button that inserts a
    picture already in the library, and the alt text asked for each picture
    inserted or uploaded (static/js/editor-library.js)."""

    template_name = "medialibrary/widgets/rich_text.html"

    class Media:
        css = {"all": ["css/editor-library.css"]}
        js = ["js/editor-library.js"]


class LibraryEditorMixin:
    """For a ModelAdmin: its rich-text fields are edited beside the library."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, RichTextField):
            kwargs.setdefault("widget", RichTextWidget(config_name=db_field.config_name))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # The site's policy allows no inline style. CKEditor 5 puts its own
    # styles into <style> elements it creates, and its documented policy is
    # style-src 'self' 'unsafe-inline': so on the forms that carry it (and
    # the history screens that show them), and nowhere else. A style runs
    # no script; scripts stay 'self' here too.
    @method_decorator(csp_update({"style-src": ["'unsafe-inline'"]}))
    def changeform_view(self, *args, **kwargs):
        return super().changeform_view(*args, **kwargs)
