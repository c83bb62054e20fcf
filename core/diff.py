"""A readable difference between two versions of a text, word by word."""

from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


def word_diff(old, new):
    """HTML of `new` against `old`: removed words in <del>, added in <ins>."""
    before, after = (old or "").split(), (new or "").split()
    parts = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[j1:j2])))
    return mark_safe(" ".join(parts))  # noqa: S308 (every part is escaped above)
