from django_ckeditor_5.fields import CKEditor5Field

from .sanitize import sanitize_html


class RichTextField(CKEditor5Field):
    """CKEditor 5 in the admin, sanitized with nh3 whenever the row is saved.

    Sanitizing in pre_save puts the clean value back on the instance, so
    what is stored, shown and indexed for search is the same safe HTML.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
