"""The marketing section: customer language, how segments differ, quotes you may use."""
from __future__ import annotations

import pandas as pd

from kit.report.formatting import (
    Block,
    _auto_columns,
    fmt_num,
    fmt_share,
    fmt_text,
    table_of,
)

__all__ = ["MarketingSections"]


class MarketingSections:
    """The marketing section: customer language, how segments differ, quotes you may use."""

    def marketing(self, quotes: pd.DataFrame) -> list[Block]:
        blocks = []
        blocks.append(self._language())

        patterns = self.tables.get("codes_by_segment_share", "marketing")
        seg = Block("How segments differ", f"Share of each {self.segment_attribute} that raised each theme: "
                                           "who to talk to about what.")
        if isinstance(patterns, pd.DataFrame) and len(patterns):
            seg.sources.append(self.tables.source("codes_by_segment_share"))
            columns = {c: (str(c).replace("_", " ").capitalize() if c == "code" else str(c),
                           fmt_share if pd.api.types.is_float_dtype(patterns[c]) and patterns[c].max() <= 1
                           else fmt_text) for c in patterns.columns[:8]}
            if "code" in columns:
                columns["code"] = ("Theme", fmt_text)
            seg.table = table_of(patterns, columns, limit=15,
                                 numeric=[c for c in patterns.columns[:8] if pd.api.types.is_numeric_dtype(patterns[c])])
            seg.add_figure(self.tables.figure("codes_by_segment_share"))
            tests = self.tables.get("theme_tests", "marketing")
            if isinstance(tests, pd.DataFrame) and {"code", "q_value"} <= set(tests.columns):
                seg.sources.append(self.tables.source("theme_tests"))
                clear = tests[pd.to_numeric(tests["q_value"], errors="coerce") < 0.05]
                seg.bullets.append(
                    "Differences that hold after correcting for testing many themes (q < 0.05): "
                    + ", ".join(map(str, clear["code"])) + "." if len(clear) else
                    "No difference between segments holds after correcting for testing many themes "
                    "(all q ≥ 0.05): with groups this small, read the table as hints for the next sprint.")
        else:
            seg.missing = self.needs("codes_by_segment_share")
        if isinstance(self.tables.get("sentiment_by_segment", "marketing"), pd.DataFrame):
            seg.add_figure(self.tables.figure("sentiment_by_segment"))
        blocks.append(seg)

        blocks.append(self._shareable(quotes))
        return blocks

    def _language(self) -> Block:
        lang = Block("Customer language",
                     "The phrases customers use for their situation, and the words each segment uses more "
                     "than the others: use them in copy, onboarding and sales conversations instead of our "
                     "own vocabulary.")
        phrases = self.tables.get("phrases", "marketing")
        keyness = self.tables.get("keyness_by_segment", "marketing")
        if isinstance(phrases, pd.DataFrame) and len(phrases):
            lang.sources.append(self.tables.source("phrases"))
            lang.table = table_of(phrases, {"phrase": ("Phrase", fmt_text), "freq": ("Times said", fmt_num),
                                            "people": ("People", fmt_num)} if "phrase" in phrases else
                                  _auto_columns(phrases, 4), limit=10, numeric=("freq", "people"))
            said = self.tables.get("phrase_quotes", "marketing")
            if isinstance(said, pd.DataFrame) and {"phrase", "participant", "text"} <= set(said.columns):
                ok = said[said["participant"].isin(self.consenting)].drop_duplicates("phrase").head(4)
                for row in ok.to_dict("records"):
                    q = self._quote({**row, "text": self.redact(row["text"]),
                                     "segment": self.segment_of.get(row["participant"])})
                    q["theme"] = f"“{row['phrase']}”"
                    lang.quotes.append(q)
                if lang.quotes:
                    lang.sources.append(self.tables.source("phrase_quotes"))
                    lang.note = "Phrases in context:"
        if isinstance(keyness, pd.DataFrame) and {"segment", "word"} <= set(keyness.columns):
            lang.sources.append(self.tables.source("keyness_by_segment"))
            over = keyness[keyness["use"] == "over"] if "use" in keyness else keyness
            for seg, group in over.groupby("segment", sort=True):
                words = ", ".join(map(str, group["word"].head(8)))
                lang.bullets.append(f"{seg}: {words}")
        if not lang.sources:
            lang.missing = self.needs("phrases", "keyness_by_segment")
        elif lang.bullets:
            lang.bullets.insert(0, "Words each segment uses clearly more often than the rest:")
        return lang


    def _shareable(self, quotes: pd.DataFrame) -> Block:
        """Quotes you may use: one per headline theme, else the strongest of each interview."""
        rel = self.tables.source("shareable_quotes")
        total = len(self.study.quotes)
        if self.tables.path("shareable_quotes") is None:
            block = Block("Quotes you may use", "Key quotes of participants who consented to being quoted.")
            block.missing = self.needs("shareable_quotes")
            return block
        self.tables.get("shareable_quotes", "marketing")
        agreed, why = self._consented_quotes(len(quotes))
        if agreed == len(quotes):
            intro = (f"{len(quotes)} of {total} key quotes come from participants who consented to being "
                     f"quoted ({total - len(quotes)} withheld).")
        else:  # consenting participants' quotes withheld too: counted apart, with the reason (newcomer s13 F12)
            intro = (f"{agreed} of {total} key quotes come from participants who consented to being quoted "
                     f"({total - agreed} withheld for lack of consent); {len(quotes)} of them may be shared, "
                     f"{agreed - len(quotes)} not ({why}).")
        block = Block("Quotes you may use", intro + " Email addresses, phone numbers and names inside "
                      "quotes are redacted.", sources=[rel])
        if agreed != len(quotes) and self.tables.path("quotes") is not None:
            block.sources.append(self.tables.source("quotes"))
        if len(quotes):
            themes = self._themes("marketing")
            if themes is not None and quotes["codes"].astype(bool).any():
                used = set()
                for code in self._headline_ready(themes)["code"].head(8) if "participants" in themes \
                        else themes["code"].head(8):
                    feeling = self._feeling_of(themes, str(code))
                    picked = [q for q in self._quotes_for(quotes, str(code), 3, feeling=feeling)
                              if q["id"] not in used][:1]
                    for q in picked:
                        q["theme"] = f"theme: {code}" + (f" ({feeling})" if feeling in ("negative", "positive") else "")
                        used.add(q["id"])
                    block.quotes += picked
                block.sources.append(self.tables.source("themes"))
            if not block.quotes:
                best = quotes.assign(_s=-quotes["compound"].abs()).sort_values(["interview_id", "_s"])
                block.quotes = [self._quote(q) for q in best.drop_duplicates("interview_id").head(8).to_dict("records")]
            block.note = f"All {len(quotes)} shareable quotes, with their themes, are in {rel}."
        elif agreed:
            block.bullets = [f"No key quote may be shared: none of the {agreed} key quotes of participants who "
                             f"consented to being quoted can be shown ({why})."]
        else:
            block.bullets = ["No key quote may be shared: no participant with a key quote consented to quoting."]
        return block

    def _consented_quotes(self, shared: int) -> tuple[int, str]:
        """(the key quotes of participants who consented to being quoted, why those beyond the
        ``shared`` ones are withheld, in words): the reasons as tables/quotes.csv's ``withheld``
        column gives them (:func:`kit.quotes.withheld_reasons`), counted, else the rules that withhold them."""
        quotes = self.study.quotes
        agreed = int(quotes["consent_quote"].fillna(False).astype(bool).sum()) if "consent_quote" in quotes \
            else shared
        agreed = max(agreed, shared)
        table = self.tables.get("quotes", "marketing") if agreed > shared else None
        if isinstance(table, pd.DataFrame) and "withheld" in table:
            said = table["withheld"].fillna("").astype(str)
            counts = said[said.str.startswith("not shared")].value_counts()
            if len(counts):
                return agreed, "; ".join(f"{n} because {str(text).removeprefix('not shared: ')}"
                                         for text, n in counts.items())
        return agreed, ("withheld because most of their words were also said by participants who did not consent "
                        "to being quoted, or are names and contact details, redacted")
