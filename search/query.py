"""Site-wide search: Vietnamese with or without diacritics, one table.

Matching works on normalised text: NFC, lower-case, every run of
punctuation collapsed to one space, so "582/QĐ-UBND" is " 582 qđ ubnd ".
The folded copy (accents off, đ→d) is what a query must match, word by word
at word starts (AND). On PostgreSQL a trigram GIN index on the folded text
serves these LIKE '% word%' conditions; SQLite scans.

Ranking, most important first:
- the words as typed, diacritics included ("hỏi" puts "hỏi đáp" above
  "hội"), when the query has any;
- how the words match: the whole query as a phrase, then every word whole,
  then only as the start of a longer word. Vietnamese words are short
  syllables, so a prefix match is mostly another word: "Da Lat" finds
  "Đà Lạt" (a phrase) before "đã … đạt" ("da" whole, "lat" nowhere whole);
- where: in the title before only in the body;
- then newer first. Content without a date of its own (an organization)
  follows dated content of the same rank (search.index.UNDATED).
"""

import re
from collections import Counter

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


def whole_words_filter(field, words):
    """Every word must be a whole word of `field`, a WordsField, whose text
    has a space around each word."""
    return Q(*[Q(**{f"{field}__contains": f" {word} "}) for word in words])


def phrase_filter(field, words):
    """The words, whole and in this order, side by side in `field`."""
    return Q(**{f"{field}__contains": f" {' '.join(words)} "})


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0))


class SiteSearch:
    """The matches of one query, ranked, with counts per kind.

    Ranking needs every candidate's text, so it runs on a bounded set: the
    CANDIDATES newest matches of each of four kinds of match (every word
    whole, or only at word starts; in the title, or anywhere). A query
    matching more than that (a common word over 100,000 articles) ranks
    those; on PostgreSQL each list walks the date index and stops early,
    or, for a rare word, reads the few rows the trigram index finds. Results
    are identical to ranking everything whenever a query matches fewer than
    CANDIDATES entries.
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
        if not kind:
            self.ids = set(self._kinds)
        elif not self.is_capped:
            # Every match is a candidate already: those of the kind asked for.
            self.ids = {pk for pk, its_kind in self._kinds.items() if its_kind == kind}
        else:
            self.ids = set(self._candidates(visible.filter(kind=kind))[0])

    def _candidates(self, entries):
        """({candidate id: its kind}, whether the newest matches filled CANDIDATES)."""
        newest = ("-date", "-pk")
        folded_words = self.folded_words
        # The title is part of the folded text: a title match needs no look
        # at the (long) folded text. Whole-word lists keep the good matches
        # that many newer prefix matches would push out of the others.
        conditions = [
            words_filter("folded", folded_words),
            whole_words_filter("folded", folded_words),
            words_filter("title_folded", folded_words),
            whole_words_filter("title_folded", folded_words),
        ]
        found = [
            list(
                entries.filter(condition)
                .order_by(*newest)
                .values_list("pk", "kind")[: self.CANDIDATES]
            )
            for condition in conditions
        ]
        return dict(pair for rows in found for pair in rows), len(found[0]) == self.CANDIDATES

    def rank(self):
        """The rank of an entry, as an SQL expression (the module's docstring)."""
        words, folded_words = self.words, self.folded_words
        # Every candidate has every word at a word start: the points are
        # for more than that.
        rank = (
            _points(whole_words_filter("folded", folded_words), 100)
            + _points(phrase_filter("folded", folded_words), 100)
            + _points(words_filter("title_folded", folded_words), 10)
            + _points(whole_words_filter("title_folded", folded_words), 40)
            + _points(phrase_filter("title_folded", folded_words), 20)
        )
        if words != folded_words:
            # The query carries diacritics: exact matches first ("hỏi" ≠ "hội").
            rank = (
                rank
                + _points(whole_words_filter("exact", words), 1000)
                + _points(phrase_filter("exact", words), 200)
                + _points(whole_words_filter("title_exact", words), 20)
            )
        return rank

    def entries(self):
        if not self.ids:
            return self.queryset.none()
        # The normalised copies are for SQL only: do not fetch them.
        entries = self.queryset.filter(pk__in=self.ids).defer(
            "title_exact", "title_folded", "exact", "folded"
        )
        return entries.annotate(rank=self.rank()).order_by("-rank", "-date", "-pk")

    def kind_counts(self):
        """{kind: number of candidates}, over every kind: no query, the
        candidates came with their kinds."""
        return dict(Counter(self._kinds.values()))


# Highlighting ----------------------------------------------------------------


def _fold_table():
    """str.translate's table for fold() of one letter at a time: the text
    keeps its length, so what is found in the folded copy is at the same
    place in the text. Latin, Greek and Cyrillic, which Vietnamese text
    holds; other letters are left as they are."""
    table = {}
    for code in [*range(0xC0, 0x500), *range(0x1E00, 0x2000)]:
        folded_letter = fold(chr(code))
        if len(folded_letter) == 1 and folded_letter != chr(code):
            table[code] = folded_letter
    return table


_FOLD_TABLE = _fold_table()
_WORD_END = re.compile(r"\w(?!\w)")
_WORD_START = re.compile(r"(?<!\w)\w")


def _pattern(words, whole=True):
    """The words side by side as whole words, or one word at a word start
    (the rest of that word included)."""
    body = r"\W+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}" + (r"(?!\w)" if whole else r"\w*"))


def _matched_spans(text, words):
    """The (start, end) of what matched the query in `text`: only what made
    the match, as the ranking sees it. The whole phrase where the text has
    it; otherwise, for each word, its whole-word occurrences, and only when
    there are none, the words it starts. Where the query has diacritics and
    the text has the words so written, only those."""
    lower = text.lower()
    if len(lower) != len(text):  # a rare letter whose lower case is longer
        lower = text
    folded = lower.translate(_FOLD_TABLE)
    folded_words = [fold(word) for word in words]
    copies = [(lower, words)] if words != folded_words else []
    copies.append((folded, folded_words))
    if len(words) > 1:
        for copy, phrase in copies:
            if phrase[0] not in copy:  # a quicker no than the expression's
                continue
            spans = [match.span() for match in _pattern(phrase).finditer(copy)]
            if spans:
                return spans
    spans = set()
    for word, folded_word in zip(words, folded_words, strict=True):
        tries = [(lower, word, True)] if word != folded_word else []
        tries += [(folded, folded_word, True), (folded, folded_word, False)]
        for copy, written, whole in tries:
            if written not in copy:
                continue
            found = [match.span() for match in _pattern([written], whole).finditer(copy)]
            if found:
                spans.update(found)
                break
    return sorted(spans)


def highlight(text, query, length=None):
    """Escape `text`, wrapping what matched the query in <mark>.

    With `length`, cut a snippet of about that many characters around the
    first match, starting and ending at word boundaries. Matching is
    accent-insensitive, like the search itself.
    """
    text = nfc(text)
    words = query_words(query)
    spans = _matched_spans(text, words) if words else []
    start, end, prefix, suffix = 0, len(text), "", ""
    if length and len(text) > length:
        start, end = _window(text, spans[0][0] if spans else 0, length)
        prefix = "…" if start else ""
        suffix = "…" if end < len(text) else ""
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return mark_safe(prefix + "".join(parts) + suffix)


def _window(text, first, length):
    """(start, end) of about `length` characters of `text` with the match at
    `first` in their first third, from the start of a word to the end of a
    word (or the text's own start and end)."""
    start = max(0, first - length // 3)
    end = start + length
    if start:
        # The first word that begins in the window: never half a word.
        start = _WORD_START.search(text, start).start()
    if end >= len(text):
        return start, len(text)
    # The last word that ends in the window; the character after the window
    # tells whether its last word goes on.
    ends = [m.end() for m in _WORD_END.finditer(text, start, end + 1) if m.end() <= end]
    return start, ends[-1] if ends else end
