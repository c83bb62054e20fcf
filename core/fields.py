import logging
import posixpath

from django import forms
from django.core.exceptions import FullResultSet, ValidationError
from django.db import models
from django.db.models.expressions import Col
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.db.models.lookups import Contains
from django.db.models.sql.where import AND, WhereNode
from django_ckeditor_5.fields import CKEditor5Field

from . import richtext
from .sanitize import sanitize_html
from .uploads import random_name, without_metadata
from .validators import sniff_kind, validate_image

logger = logging.getLogger(__name__)


class RichTextField(CKEditor5Field):
    """CKEditor 5 in the admin, sanitized with nh3 whenever the row is saved.

    Sanitizing in pre_save puts the clean value back on the instance, so
    what is stored, shown and indexed for search is the same safe HTML.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if "<img" not in (value or ""):
            return
        stored = ""
        if model_instance.pk is not None:
            stored = (
                type(model_instance)
                ._base_manager.filter(pk=model_instance.pk)
                .values_list(self.attname, flat=True)
                .first()
            ) or ""
        # Only a picture just inserted must have one: an old body is not
        # refused for what it already held.
        missing = richtext.missing_alt_text(value, stored)
        if missing:
            raise ValidationError(
                "Ảnh mới chèn chưa có chữ thay thế (alt): %(names)s. Bấm vào ảnh trong "
                "khung soạn thảo, chọn nút «Đổi chữ alt của ảnh» và tả ngắn nội dung ảnh "
                "cho người không xem được ảnh.",
                code="missing_alt_text",
                params={"names": ", ".join(posixpath.basename(src)[:60] for src in missing)},
            )


class ServerNamedFile:
    """Stores a new upload under a name the server chooses (core.uploads).

    FieldFile.save() is the one door into storage for a model's file, from
    a form, `objects.create(image=upload)` or an import alike.
    """

    def save(self, name, content, save=True):
        content, extension = self.field.prepare_upload(content)
        super().save(random_name(extension), content, save)


class ServerNamedFieldFile(ServerNamedFile, FieldFile):
    pass


class ServerNamedImageFieldFile(ServerNamedFile, ImageFieldFile):
    pass


class UploadFileField(models.FileField):
    """A file stored under a random name with the extension of what it holds.

    Subclasses say what that is, from the content (`extension_of`).
    """

    attr_class = ServerNamedFieldFile

    def extension_of(self, content):
        return "bin"

    def prepare_upload(self, content):
        return content, self.extension_of(content)


class DocumentFileField(UploadFileField):
    """Stored as <random>.pdf, .docx…: the kind its content shows
    (validators.sniff_kind)."""

    def extension_of(self, content):
        kind = sniff_kind(content)
        return kind.value if kind else "bin"


class ImageFormField(forms.ImageField):
    """Django's image field without its check of the name's extension: the
    content is checked (validate_image) and the name is not kept."""

    default_validators = []


class UploadImageField(models.ImageField):
    """A real JPEG, PNG, WebP or GIF (validate_image), stored under a random
    name with its format's extension and without EXIF, XMP or comments."""

    attr_class = ServerNamedImageFieldFile
    default_validators = [validate_image]

    def prepare_upload(self, content):
        return without_metadata(content)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """Django measures the image again whenever the field is assigned,
        as every admin save does. A stored file that is gone (a restore
        without media) must not stop staff saving the rest: the recorded
        width and height stay, and the picture is simply missing."""
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except FileNotFoundError:
            logger.warning("Image file missing, size kept: %s", getattr(instance, self.attname))


# A word list (tsvector) holds at most 1 MB: this many characters of text,
# at four bytes each in the worst case, always fit.
VECTOR_TEXT_LIMIT = 200_000


class WordsField(models.TextField):
    """Normalised text, " 582 qd ubnd ": words separated by single spaces, with
    a space at each end (core.text.normalize).

    `field__words=["qd", "582"]` keeps the rows where every word starts a
    word of the text. It is one LIKE per word, except on PostgreSQL for a
    field with a `vector_column`: a generated column of the text's distinct
    words (tsvector), which a migration of the model's app adds with a GIN
    index, and which answers the same question from the index, with
    statistics the planner can trust. That column covers the text's first
    VECTOR_TEXT_LIMIT characters.
    """

    def __init__(self, *args, vector_column=None, **kwargs):
        self.vector_column = vector_column
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.vector_column:
            kwargs["vector_column"] = self.vector_column
        return name, path, args, kwargs


def vector_column_sql(column):
    """The expression of a WordsField's generated tsvector column, for migrations."""
    return (
        f"array_to_tsvector(array_remove(string_to_array("
        f"left({column}, {VECTOR_TEXT_LIMIT}), ' '), ''))"
    )


def tsquery(words):
    """'khoa':* & 'hoc':*, every word a prefix, taken as it is (no parsing)."""
    quoted = (word.replace("\\", "\\\\").replace("'", "''") for word in words)
    return " & ".join(f"'{word}':*" for word in quoted)


@WordsField.register_lookup
class Words(models.Lookup):
    lookup_name = "words"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        if not self.rhs:
            raise FullResultSet
        # Django's own `contains`, escaping % and _ as each database needs.
        starts = [Contains(self.lhs, f" {word}") for word in self.rhs]
        return compiler.compile(WhereNode(starts, connector=AND))

    def as_postgresql(self, compiler, connection):
        vector = getattr(self.lhs.output_field, "vector_column", None)
        if not vector or not isinstance(self.lhs, Col) or not self.rhs:
            return self.as_sql(compiler, connection)
        table = compiler.quote_name_unless_alias(self.lhs.alias)
        column = f"{table}.{connection.ops.quote_name(vector)}"
        return f"{column} @@ %s::tsquery", [tsquery(self.rhs)]
