"""Site-wide search: Vietnamese with or without diacritics, one table.

Matching works on normalised text: NFC, lower-case, every run of
punctuation collapsed to one space, so "582/QĐ-UBND" is " 582 qđ ubnd ".
The folded copy (accents off, đ→d) is what a query must match, word by word
at word starts (AND); the unfolded copy ranks exact-diacritic matches first,
so "hỏi" puts "hỏi đáp" above "hội". On PostgreSQL a trigram GIN index on the
folded text serves these LIKE '% word%' conditions; SQLite scans.
"""

import re
from collections import Counter
from functools import lru_cache

from django.db.models import Case, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import fold, nfc, normalize

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
SNIPPET_LENGTH = 240
# Snippets are cut from the beginning of long bodies (a document's file
# text can be 200,000 characters): a match further in shows the opening.
SNIPPET_SOURCE = 20_000

_WORD = re.compile(r"\w+")


def query_words(query, max_words=MAX_WORDS):
    """The words of a visitor's query, normalised, at most `max_words`."""
    query = nfc(query or "")[:MAX_QUERY_LENGTH]
    return normalize(query).split()[:max_words]


def folded_query_words(query, max_words=MAX_WORDS):
    """query_words() without accents: what a folded WordsField holds."""
    return [fold(word) for word in query_words(query, max_words)]


def words_filter(field, words):
    """Every word must start a word of `field`, a WordsField (core.fields)."""
    return Q(**{f"{field}__words": list(words)}) if words else Q()


class SiteSearch:
    """The matches of one query, ranked, with counts per kind.

    Ranking needs every candidate's text, so it runs on a bounded set: the
    CANDIDATES newest matches plus the CANDIDATES newest title matches. A
    query matching more than that (a common word over 100,000 articles)
    ranks its newest matches and its title matches; on PostgreSQL each of
    the two walks the date index and stops early, or, for a rare word, reads
    the few rows the trigram index finds. Results are identical to ranking
    everything whenever a query matches fewer than CANDIDATES entries.
    """

    CANDIDATES = 200

    def __init__(self, queryset, query, kind=None):
        self.queryset = queryset
        self.words = query_words(query)
        self.folded_words = [fold(word) for word in self.words]
        self.ids = set()
        self._kinds = {}
        self.is_capped = False
        if not self.words:
            return
        visible = queryset.visible()
        self._kinds, self.is_capped = self._candidates(visible)
        if kind:
            self.ids = set(self._candidates(visible.filter(kind=kind))[0])
        else:
            self.ids = set(self._kinds)

    def _candidates(self, entries):
        """({candidate id: its kind}, whether the newest matches filled CANDIDATES)."""
        newest = ("-date", "-pk")
        matches = entries.filter(words_filter("folded", self.folded_words))
        recent = list(matches.order_by(*newest).values_list("pk", "kind")[: self.CANDIDATES])
        # The title is part of the folded text: a title match needs no look
        # at the (long) folded text.
        titled = list(
            entries.filter(words_filter("title_folded", self.folded_words))
            .order_by(*newest)
            .values_list("pk", "kind")[: self.CANDIDATES]
        )
        return dict(recent + titled), len(recent) == self.CANDIDATES

    def entries(self):
        if not self.ids:
            return self.queryset.none()
        words, folded_words = self.words, self.folded_words
        phrase = " " + " ".join(folded_words) + " "
        rank = Case(
            When(words_filter("title_folded", folded_words), then=Value(40)), default=Value(0)
        ) + Case(When(folded__contains=phrase, then=Value(10)), default=Value(0))
        if words != folded_words:
            # The query carries diacritics: exact matches first ("hỏi" ≠ "hội").
            rank = (
                rank
                + Case(When(words_filter("exact", words), then=Value(100)), default=Value(0))
                + Case(When(words_filter("title_exact", words), then=Value(20)), default=Value(0))
            )
        # The normalised copies are for SQL only: do not fetch them.
        entries = self.queryset.filter(pk__in=self.ids).defer(
            "title_exact", "title_folded", "exact", "folded"
        )
        return entries.annotate(rank=rank).order_by("-rank", "-date", "-pk")

    def kind_counts(self):
        """{kind: number of candidates}, over every kind: no query, the
        candidates came with their kinds."""
        return dict(Counter(self._kinds.values()))


def highlight(text, query, length=None):
    """Escape `text`, wrapping words that match the query in <mark>.

    With `length`, cut a snippet of about that many characters around the
    first match. Matching is accent-insensitive, like the search itself.
    """
    text = nfc(text)
    words = [fold(word) for word in query_words(query)]
    start, end, prefix, suffix = 0, len(text), "", ""
    if length and len(text) > length:
        # Bodies can be long (a document's file text): find the first match
        # in the folded text, which keeps positions for Vietnamese, and only
        # mark the words of the snippet.
        first = _first_match(text, words)
        start = max(0, first - length // 3)
        end = min(len(text), start + length)
        prefix = "…" if start else ""
        suffix = "…" if end < len(text) else ""
    parts, position = [], start
    for match in _WORD.finditer(text, start, end):
        if not any(_fold_word(match.group()).startswith(word) for word in words):
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    return mark_safe(prefix + "".join(parts) + suffix)


# Snippets fold the same common words over and over.
_fold_word = lru_cache(maxsize=8192)(fold)


def _first_match(text, words):
    folded_text = fold(text)
    if not words or len(folded_text) != len(text):
        return 0
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + ")")
    match = pattern.search(folded_text)
    return match.start() if match else 0
