"""The sprint report, OUT/index.html, rendered from templates/report/.

The report reads the tables the workflow notebooks wrote to ``OUT/tables/`` (and their
figures in ``OUT/figures/``) and assembles four sections: product (friction, feature
requests, opportunities with their evidence), marketing (customer language, consented
quotes), leadership (top themes, trends, program ROI, decisions) and a method appendix
(sample and recruitment, capture, saturation, agreement between coders). Every table and
figure names the file in ``OUT/tables/`` it comes from; a part whose table no notebook wrote
says which table it needs and which notebook writes it.

The report computes nothing: it reads registered tables (:mod:`kit.registry`) by name,
including those of the method steps it shows (shareable quotes, feature requests, opportunity
notes, decisions, the sample; written by notebooks 02, 04, 06 and 07). Figures are embedded as
data URIs: index.html is one file that can be mailed.

The package: ``tables`` (reading by registry name), ``formatting`` (numbers and words, the
page's blocks), ``sections`` (the declarative list of sections), ``base``, ``product``,
``marketing``, ``leadership``, ``appendix`` (the parts of each section) and ``page`` (the
``Report``, jinja2 rendering, :func:`build_report`); the theme chart is
``kit.viz.report.report_theme_chart``. Every public name is importable from ``kit.report`` (the
chart on first use: the notebooks' HTML export imports this package without matplotlib).
Participants appear by pseudonymous id, quotes only from those who consented, redacted by
``kit.privacy``. Nothing in the page depends on the clock: the same tables give the same page.
"""
from __future__ import annotations

from kit.feature_requests import REQUEST
from kit.report.base import ReportBase
from kit.report.formatting import (
                                   Block,
                                   agreement_words,
                                   fmt_money,
                                   fmt_num,
                                   fmt_ratio,
                                   fmt_ratio_range,
                                   fmt_share,
                                   fmt_signed,
                                   fmt_text,
                                   on_time_share,
                                   plural,
                                   sentiment_word,
                                   table_of,
)
from kit.report.page import Built, Report, build_report, render, write_index
from kit.report.sections import SECTIONS, Section
from kit.report.tables import (
                                   FIGURE_SOURCES,
                                   FIGURES,
                                   REPORT_NOTEBOOK,
                                   TABLES,
                                   UPSTREAM,
                                   Tables,
                                   data_uri,
                                   read_table,
)
__all__ = ["FIGURES", "FIGURE_SOURCES", "REPORT_NOTEBOOK", "REQUEST", "SECTIONS", "TABLES", "UPSTREAM", "Block",
           "Built", "Report", "ReportBase", "Section", "Tables", "agreement_words", "build_report", "data_uri",
           "fmt_money", "fmt_num", "fmt_ratio", "fmt_ratio_range", "fmt_share", "fmt_signed", "fmt_text",
           "on_time_share", "plural", "read_table", "render", "report_theme_chart", "sentiment_word", "table_of",
           "write_index"]


def __getattr__(name: str):
    # Imported on first use: matplotlib costs about 1 s of CPU in `run`'s own process, which
    # only needs kit.report.notebook_html (issue 20).
    if name == "report_theme_chart":
        from kit.viz.report import report_theme_chart

        return report_theme_chart
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
