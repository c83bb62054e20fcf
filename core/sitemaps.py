"""The sections of /sitemap.xml, each read in one query.

Django's sitemap pages a section's items through a Paginator, which counts
them before reading them: two queries a section, so the site map's cost
grew with every app. /sitemap.xml is a single page (the protocol allows
50,000 addresses a file; each section stops at its `limit`), so a section
reads its first page at once and counts what it read.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property


class FirstPagePaginator(Paginator):
    """A paginator of one page, read in one query without a COUNT."""

    @cached_property
    def first_page(self):
        return list(self.object_list[: self.per_page])

    @cached_property
    def count(self):
        return len(self.first_page)

    def page(self, number):
        # Any page but the first is an EmptyPage: the sitemap view's 404.
        number = self.validate_number(number)
        return Page(self.first_page, number, self)


class ContentSitemap(Sitemap):
    limit = 5000

    @property
    def paginator(self):
        pages = super().paginator
        return FirstPagePaginator(pages.object_list, pages.per_page)
