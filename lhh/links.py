"""reverse() for the addresses a page lists by the dozen.

Django's reverse() costs 40 to 90 µs here: it resolves the namespace,
converts and checks every argument against the pattern's regular
expression, and quotes the whole address. The member directory links 90
organizations, the sidebar 30 items, the documents table 40 pages and files,
and each link was a reverse(). `Link("documents:detail")` reverses its
pattern once, with placeholders, for each script prefix and URLconf, then
fills in each object's values, quoted as reverse() quotes them.

The arguments are slugs and numbers, which reverse() would accept as they
are (a slug made by core.text.slugify always matches <slug:…>): a value a
converter would refuse is not checked here.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.urls.resolvers import RFC3986_SUBDELIMS

SAFE = RFC3986_SUBDELIMS + "/~:@"


class Link:
    def __init__(self, viewname):
        self.viewname = viewname
        self._templates = {}

    def __call__(self, **kwargs):
        names = tuple(kwargs)
        key = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, names)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._template(names)
        url = template
        for name, value in kwargs.items():
            url = url.replace(_placeholder(names, name), quote(str(value), safe=SAFE), 1)
        return url

    def _template(self, names):
        # Digits pass both <int:…> and <slug:…>.
        template = reverse(self.viewname, kwargs={n: _placeholder(names, n) for n in names})
        if any(template.count(_placeholder(names, n)) != 1 for n in names):
            raise ValueError(f"{self.viewname}: a placeholder is ambiguous in {template}")
        return template


def _placeholder(names, name):
    return f"9{names.index(name) + 1}0718281828459"
