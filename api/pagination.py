"""Page-number pagination with a ceiling: ?page=2&page_size=100 at most (the lists' own bound)."""

from rest_framework.pagination import PageNumberPagination

from engagement.csv_export import MAX_PER_PAGE


class RecordPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PER_PAGE


class QuarterPagination(PageNumberPagination):
    """Figures are worked out per quarter when asked for: a few quarters a page keeps each call short."""

    page_size = 4
    page_size_query_param = "page_size"
    max_page_size = 8
