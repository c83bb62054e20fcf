"""Admin search and autocomplete that ignore diacritics and case.

Staff type "to chuc" for "Tổ chức" and "da lat" for "Đà Lạt". Each word of
the query becomes a regular expression (core.text.fold_pattern) that lists,
for every letter, all the letters fold() turns into it; Django's `regex`
lookup runs it on both databases (PostgreSQL's `~`, SQLite's REGEXP, which
Django provides with Python's `re`). No column or index per model is
needed, and no migration: like Django's own `icontains`, the search scans
the rows of the list, and a regular expression of letter lists costs about
what `UPPER(…) LIKE` does.
"""

from functools import reduce
from operator import and_, or_

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from .text import fold_pattern


class FoldedSearchMixin:
    """For a ModelAdmin: `search_fields` (plain field paths, no ^ = @
    prefixes) matched without diacritics, in the change list and in the
    autocomplete view, which calls get_search_results() too."""

    def get_search_results(self, request, queryset, search_term):
        search_fields = self.get_search_fields(request)
        patterns = []
        for bit in smart_split(search_term or ""):
            if bit[0] in "\"'" and bit[-1] == bit[0]:
                bit = unescape_string_literal(bit)
            pattern = fold_pattern(bit)
            if pattern:
                patterns.append(pattern)
        if not search_fields or not patterns:
            return queryset, False
        # Every word in one of the fields, as Django's own search.
        condition = reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{field}__regex": pattern}) for field in search_fields))
                for pattern in patterns
            ),
        )
        may_have_duplicates = any(
            lookup_spawns_duplicates(self.opts, field) for field in search_fields
        )
        return queryset.filter(condition), may_have_duplicates
