"""Figures for thematic coding: frequency, co-occurrence, the affinity map, agreement,
auto- against manual coding, and saturation.

Each function takes the table or dict an analysis function returned (kit.themes,
kit.agreement, kit.saturation, kit.coding) and returns a matplotlib Figure with a title,
labelled axes and a readable size. Colour is never the only cue: values are written on the
figure, and groups also differ by hatching, line width or position.
"""
from __future__ import annotations

import functools
import math
import textwrap

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.patches import Rectangle

from kit.agreement import interpret_kappa
from kit.viz.base import FIGSIZE, empty_figure, literal_figure
from kit.viz.redact import keep_source

__all__ = [
    "HATCHES", "PALETTE", "KAPPA_BANDS", "frequency_bars", "intensity_chart",
    "place_labels", "cooccurrence_heatmap", "cooccurrence_network", "affinity_map",
    "agreement_bars", "auto_manual_chart", "saturation_curve", "suggested_themes_chart",
]

#: Up to this many interviews the saturation curve labels each one on its axis; beyond, a tick
#: every few (matplotlib's integer locator): thousands of tick labels overlap and cost minutes.
EVERY_TICK = 40
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++", "**"]
PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3",
           "#8c8c8c", "#ccb974", "#64b5cd"]
# Landis & Koch (1977): lower bound, upper bound, name, shade.
KAPPA_BANDS = [(-1.0, 0.0, "poor", "#f2f2f2"), (0.0, 0.20, "slight", "#e6e6e6"),
               (0.20, 0.40, "fair", "#f2f2f2"), (0.40, 0.60, "moderate", "#e6e6e6"),
               (0.60, 0.80, "substantial", "#f2f2f2"), (0.80, 1.0, "almost perfect", "#e6e6e6")]


def _top_level(codebook, code: str) -> str:
    """The top-level ancestor of a code ("other" for a code not in the codebook)."""
    if codebook is None or codebook.get(code) is None:
        return "other"
    seen, node = set(), code
    while True:
        parent = codebook.get(node).parent if codebook.get(node) else None
        if not parent or parent in seen or codebook.get(parent) is None:
            return node
        seen.add(node)
        node = parent


def _groups(codebook, codes) -> dict[str, int]:
    """Top-level group of each code -> its index, in codebook order."""
    tops = []
    if codebook is not None:
        tops = [c.name for c in codebook if not c.parent or codebook.get(c.parent) is None]
    for code in codes:
        top = _top_level(codebook, code)
        if top not in tops:
            tops.append(top)
    return {top: i for i, top in enumerate(tops)}


# --------------------------------------------------------------------------- frequency

@literal_figure
def frequency_bars(table, codebook=None, n_participants: int | None = None,
                   title: str = "How many participants mentioned each code"):
    """Horizontal bars of the share of participants mentioning each code (a
    ``kit.themes.frequency`` or ``intensity`` table), grouped by top-level code: each group
    has its own colour and hatching, and every bar is labelled with its count and share."""
    if not len(table):
        return empty_figure(title, "No codings yet.")
    codes = list(table["code"])
    groups = _groups(codebook, codes)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(3.0, 0.38 * len(codes) + 1.4)))
    seen = set()
    for y, row in enumerate(table.itertuples(index=False)):
        top = _top_level(codebook, row.code)
        g = groups[top]
        label = top if top not in seen else None
        seen.add(top)
        ax.barh(y, row.share, color=PALETTE[g % len(PALETTE)], hatch=HATCHES[g % len(HATCHES)],
                edgecolor="#333333", linewidth=0.6, label=label)
        ax.text(row.share + 0.01, y, f"{row.participants} ({row.share:.0%})", va="center", fontsize=9)
    ax.set_yticks(range(len(codes)), codes)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.15)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    who = f"of {n_participants} participants" if n_participants else "of participants"
    ax.set_xlabel(f"Share {who} mentioning the code")
    ax.set_ylabel("Code")
    ax.legend(title="Group", loc="lower right", fontsize=8, title_fontsize=9)
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


@literal_figure
def intensity_chart(table, title: str = "Frequency and intensity of each code"):
    """Each code as a labelled point: share of participants mentioning it (x) against the
    mean absolute sentiment of its segments (y), with the 20% line of rare themes."""
    valued = table[table["mean_abs_compound"].notna()]
    if not len(valued):
        return empty_figure(title, "No coded segments in the participants' own words.")
    fig, ax = plt.subplots(figsize=FIGSIZE)
    ax.scatter(valued["share"], valued["mean_abs_compound"], s=30 + 8 * valued["mentions"],
               facecolor="#9ecae1", edgecolor="#08519c", linewidth=1)
    ax.set_xlim(0, 1.05)
    ax.axvline(0.20, color="#555555", linestyle="--", linewidth=1)
    ax.text(0.195, 0.02, "rare: 20% or fewer ", ha="right", va="bottom", fontsize=8,
            transform=ax.get_xaxis_transform())
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("Share of participants mentioning the code")
    ax.set_ylabel("Mean absolute VADER compound (0 = neutral, 1 = strongest)")
    ax.set_title(title + " (marker size: mentions)")
    fig.tight_layout()
    place_labels(ax, list(zip(valued["share"], valued["mean_abs_compound"])), valued["code"].astype(str).tolist(),
                 sizes=(30 + 8 * valued["mentions"]).tolist())
    return fig


_OFFSETS = [(5, 4, "left"), (5, -11, "left"), (-5, 4, "right"), (-5, -11, "right"), (5, 14, "left"),
            (-5, 14, "right"), (5, -21, "left"), (-5, -21, "right"), (5, 24, "left"), (-5, 24, "right"),
            (5, -31, "left"), (-5, -31, "right")]


def _text_box(text, renderer):
    """The extent of an annotation's words alone (an Annotation's own extent includes its
    leader line)."""
    from matplotlib.text import Text

    if hasattr(text, "update_positions"):
        text.update_positions(renderer)  # where the words go is worked out at draw time
    return Text.get_window_extent(text, renderer)


def place_labels(ax, points, labels, fontsize: int = 8, sizes=None) -> list:
    """Label each point (data coordinates) with the first of a few nearby positions where
    the label overlaps no other label and no marker (``sizes``: scatter sizes in points²)
    and stays inside the axes; a label with no free position gets a leader line. Returns
    the text artists."""
    from matplotlib.transforms import Bbox

    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    texts = []
    dpi = ax.figure.dpi / 72
    placed = []
    for (x, y), size in zip(points, sizes or [20] * len(points)):
        cx, cy = ax.transData.transform((x, y))
        r = (size ** 0.5) / 2 * dpi
        placed.append(Bbox([[cx - r, cy - r], [cx + r, cy + r]]))
    order = sorted(range(len(points)), key=lambda i: (-points[i][1], points[i][0]))
    for i in order:
        (x, y), label = points[i], labels[i]
        chosen = None
        for dx, dy, ha in _OFFSETS:
            far = abs(dy) > 12  # away from its point: a thin leader line says whose label it is
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                               ha=ha, va="bottom",
                               arrowprops=dict(arrowstyle="-", color="#999999", linewidth=0.5) if far else None)
            box = _text_box(text, renderer).expanded(1.08, 1.25)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                chosen = (text, box)
                break
            text.remove()
        if chosen is None:  # farther away, with a leader line to the point
            for r in (35, 50, 65, 80):
                for dx, dy in ((r, -r), (r, r), (-r, -r), (-r, r), (r, 0), (-r, 0), (0, -r), (0, r)):
                    text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                                       ha="left" if dx >= 0 else "right",
                                       arrowprops=dict(arrowstyle="-", color="#777777", linewidth=0.6))
                    box = _text_box(text, renderer).expanded(1.08, 1.25)
                    inside = (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
                              and box.y1 <= frame.y1)
                    if inside and not any(box.overlaps(other) for other in placed):
                        chosen = (text, box)
                        break
                    text.remove()
                if chosen:
                    break
        if chosen is None:
            text = ax.annotate(label, (x, y), xytext=(12, -40), textcoords="offset points", fontsize=fontsize,
                               arrowprops=dict(arrowstyle="-", color="#777777", linewidth=0.6))
            chosen = (text, _text_box(text, renderer))
        placed.append(chosen[1])
        texts.append(chosen[0])
    return texts


# --------------------------------------------------------------------------- co-occurrence

@literal_figure
def cooccurrence_heatmap(counts, title: str = "Codes applied to the same segment",
                         unit: str = "segments"):
    """The ``kit.themes.cooccurrence`` counts as an annotated heatmap: every cell shows
    n12, the diagonal (in italics, on grey) the units with the code."""
    codes = list(counts.index)
    if not codes:
        return empty_figure(title, "No codings yet.")
    values = counts.to_numpy().astype(float)
    off = values.copy()
    np.fill_diagonal(off, np.nan)
    size = max(5.0, 0.5 * len(codes) + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1.2, size))
    vmax = np.nanmax(off) if np.isfinite(off).any() and np.nanmax(off) > 0 else 1
    image = ax.imshow(np.ma.masked_invalid(off), cmap="Blues", vmin=0, vmax=vmax)
    for i in range(len(codes)):
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, facecolor="#d9d9d9", edgecolor="white"))
        for j in range(len(codes)):
            value = int(values[i, j])
            if i == j:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=8, style="italic")
            elif value:
                dark = value > 0.6 * vmax
                ax.text(j, i, str(value), ha="center", va="center", fontsize=8,
                        color="white" if dark else "black", fontweight="bold" if dark else "normal")
    ax.set_xticks(range(len(codes)), codes, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(codes)), codes, fontsize=8)
    ax.set_xlabel("Code")
    ax.set_ylabel("Code")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label(f"{unit} with both codes")
    ax.set_title(f"{title}\n(numbers: {unit} with both codes; diagonal: {unit} with the code)")
    fig.tight_layout()
    return fig


@literal_figure
def cooccurrence_network(counts, min_coefficient: float = 0.05, title: str = "Co-occurrence network"):
    """Codes on a circle, joined by a line where they co-occur: line width grows with the
    coefficient n12/(n1+n2-n12) (written on the line), node size with n1. Pairs under
    ``min_coefficient`` are left out."""
    from kit.themes import cooccurrence_coefficient

    codes = list(counts.index)
    if not codes:
        return empty_figure(title, "No codings yet.")
    coef = cooccurrence_coefficient(counts)
    n = len(codes)
    angles = [math.pi / 2 - 2 * math.pi * k / n for k in range(n)]
    xy = {c: (math.cos(a), math.sin(a)) for c, a in zip(codes, angles)}
    fig, ax = plt.subplots(figsize=(8, 8))
    strongest = max((coef.loc[a, b] for i, a in enumerate(codes) for b in codes[i + 1:]), default=0) or 1
    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            value = float(coef.loc[a, b])
            if value < min_coefficient or value <= 0:
                continue
            (x1, y1), (x2, y2) = xy[a], xy[b]
            ax.plot([x1, x2], [y1, y2], color="#4c72b0", alpha=0.35 + 0.6 * value / strongest,
                    linewidth=0.5 + 9 * value / strongest, solid_capstyle="round", zorder=1)
            if value >= max(0.1, 0.4 * strongest):
                ax.text((x1 + x2) / 2, (y1 + y2) / 2, f"{value:.2f}", fontsize=8, ha="center", va="center",
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8),
                        zorder=3)
    sizes = np.array([counts.loc[c, c] for c in codes], dtype=float)
    scale = 900 / sizes.max() if sizes.max() > 0 else 0
    ax.scatter([xy[c][0] for c in codes], [xy[c][1] for c in codes], s=60 + scale * sizes,
               facecolor="#fdd49e", edgecolor="#7f2704", linewidth=1.2, zorder=2)
    for c, angle in zip(codes, angles):
        x, y = math.cos(angle) * 1.18, math.sin(angle) * 1.18
        ha = "left" if x > 0.1 else ("right" if x < -0.1 else "center")
        ax.text(x, y, f"{c}\n(n={int(counts.loc[c, c])})", ha=ha, va="center", fontsize=9)
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.45, 1.45)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel(f"Line width: coefficient n12/(n1+n2-n12) (shown for the strongest pairs; "
                  f"pairs under {min_coefficient:g} left out)", fontsize=9)
    ax.set_title(title + "\n(node size: segments with the code)")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- affinity map

def _note(quote, width: int) -> str:
    """A quote as its sticky note shows it: in quotation marks, wrapped to ``width``, 7 lines at most."""
    return textwrap.fill(f"\u201c{quote}\u201d", width=width, max_lines=7, placeholder=" \u2026")


@literal_figure
def affinity_map(quotes, codebook=None, per_code: int = 2, width: int = 30,
                 title: str = "Affinity map: what participants said, by theme"):
    """Sticky notes of quotes (``kit.themes.quotes_per_code``: consenting participants only)
    under their code, codes grouped in columns under their top-level code. Each note says
    whose words it holds; text is wrapped to ``width`` characters."""
    if not len(quotes):
        return empty_figure(title, "No quotes from participants who consented to being quoted.")
    codes = list(dict.fromkeys(quotes["code"]))
    if codebook is not None:
        order = {c: i for i, c in enumerate(codebook.names)}
        codes.sort(key=lambda c: order.get(c, len(order)))
    groups = _groups(codebook, codes)
    columns: dict[str, list[str]] = {}
    for code in codes:
        columns.setdefault(_top_level(codebook, code), []).append(code)
    tops = sorted(columns, key=groups.__getitem__)

    line = 0.16  # inches per line of 8-point text
    col_w, gap, top_margin = 2.6, 0.25, 0.75
    layout, heights = [], []
    for top in tops:
        items, y = [], 0.0
        items.append(("header", top, y))
        y += 0.45
        for code in columns[top]:
            items.append(("code", code, y))
            y += 0.3
            rows = quotes[quotes["code"] == code].head(per_code)
            for row in rows.itertuples(index=False):
                text = _note(row.text, width)
                lines = text.count("\n") + 2  # the quote and its participant line
                height = lines * line + 0.16
                items.append(("note", (text, row.participant, height, code, row.text), y))
                y += height + 0.12
            y += 0.12
        layout.append(items)
        heights.append(y)
    fig_w = len(tops) * (col_w + gap) + gap
    fig_h = max(heights) + top_margin + 0.2
    fig = plt.figure(figsize=(max(fig_w, 6), fig_h))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, max(fig_w, 6))
    ax.set_ylim(fig_h, 0)
    ax.axis("off")
    ax.text(max(fig_w, 6) / 2, 0.3, title, ha="center", va="center", fontsize=13, fontweight="bold")
    for k, items in enumerate(layout):
        x0 = gap + k * (col_w + gap)
        for kind, value, y in items:
            y += top_margin
            if kind == "header":
                g = groups[value]
                ax.add_patch(Rectangle((x0, y), col_w, 0.34, facecolor=PALETTE[g % len(PALETTE)],
                                       hatch=HATCHES[g % len(HATCHES)], edgecolor="#333333", alpha=0.9))
                ax.text(x0 + col_w / 2, y + 0.17, value.upper(), ha="center", va="center", fontsize=10,
                        fontweight="bold", color="white",
                        bbox=dict(boxstyle="round,pad=0.1", facecolor="#333333", edgecolor="none", alpha=0.6))
            elif kind == "code":
                ax.text(x0, y + 0.15, f"\u25b8 {value}", ha="left", va="center", fontsize=9, fontweight="bold")
            else:
                text, participant, height, code, raw = value
                colour = (codebook.get(code).colour if codebook is not None and codebook.get(code) else None)
                ax.add_patch(Rectangle((x0 + 0.06, y + 0.04), col_w - 0.1, height, facecolor="#bbbbbb",
                                       edgecolor="none"))  # shadow
                ax.add_patch(Rectangle((x0, y), col_w - 0.1, height, facecolor="#fff7b2",
                                       edgecolor=colour or "#b8a000", linewidth=2))
                note = ax.text(x0 + 0.08, y + 0.08, text, ha="left", va="top", fontsize=8, family="serif")
                keep_source(note, raw, functools.partial(_note, width=width))  # cleaned before it is wrapped
                ax.text(x0 + col_w - 0.18, y + height - 0.06, f"\u2014 {participant}", ha="right",
                        va="bottom", fontsize=7, style="italic")
    return fig


# --------------------------------------------------------------------------- agreement

@literal_figure
def agreement_bars(table, title: str = "Agreement between coders per code (Cohen's kappa)",
                   coders: tuple[str, str] | None = None):
    """Cohen's kappa per code (``kit.agreement.code_agreement``) as horizontal bars over
    the Landis & Koch bands, each bar labelled with its kappa and band. Codes used too
    rarely to tell (``band`` "too few to tell") and codes with an undefined kappa get no bar,
    only a label saying so, and sit at the bottom. Labels stay inside the axes."""
    if not len(table):
        return empty_figure(title, "No segments coded by both coders.")
    rare = table["band"].astype(str).eq("too few to tell") if "band" in table else pd.Series(False, index=table.index)
    frame = table.assign(rare_=rare.to_numpy()).sort_values(["rare_", "kappa"], ascending=[False, True],
                                                            na_position="first").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0] + 1, max(3.0, 0.38 * len(frame) + 1.8)))
    kappas = frame.loc[~frame["rare_"], "kappa"]
    low = min(-0.2, math.floor(10 * float(np.nanmin(kappas))) / 10) if kappas.notna().any() else -0.2
    high = 1.45  # room for "1.00 almost perfect" to the right of a full bar
    for start, stop, name, shade in KAPPA_BANDS:
        left = max(start, low)
        if stop <= low:
            continue
        ax.axvspan(left, stop, color=shade, zorder=0)
        ax.text((left + stop) / 2, len(frame) - 0.35, name.replace(" ", "\n") if stop - left < 0.25 else name,
                ha="center", va="bottom", fontsize=7, color="#444444")
        ax.axvline(stop, color="white", linewidth=1, zorder=0)
    for y, row in enumerate(frame.itertuples(index=False)):
        if row.rare_:
            ax.text(0.01, y, f"too few to tell ({int(getattr(row, 'uses', 0) or 0)} use(s))" if hasattr(row, "uses")
                    else "too few to tell", va="center", fontsize=8, style="italic", color="#555555")
            continue
        if row.kappa is None or (isinstance(row.kappa, float) and math.isnan(row.kappa)):
            ax.text(0.01, y, "undefined (one category only)", va="center", fontsize=8, style="italic")
            continue
        weak = row.kappa <= 0.40
        ax.barh(y, row.kappa, color="#c44e52" if weak else "#4c72b0", hatch="//" if weak else "",
                edgecolor="#333333", linewidth=0.6, zorder=2)
        x = max(row.kappa, 0) + 0.02
        band = getattr(row, "band", None) or interpret_kappa(row.kappa)  # a table without bands: Landis & Koch
        ax.text(x, y, f"{row.kappa:.2f} {band}", va="center", fontsize=8, zorder=3, clip_on=True)
    ax.set_yticks(range(len(frame)), frame["code"])
    ax.set_ylim(-0.6, len(frame) + 0.5)
    ax.set_xlim(low, high)
    ax.set_xticks([t / 10 for t in range(int(math.ceil(low * 10)), 11, 2)])
    ax.set_xlabel("Cohen's kappa (hatched: fair or worse; bands: Landis & Koch 1977)")
    ax.set_ylabel("Code")
    ax.set_title(f"{title}: {coders[0]} and {coders[1]}" if coders and len(coders) >= 2 else title)
    fig.tight_layout()
    return fig


@literal_figure
def auto_manual_chart(table, title: str = "Auto-coding against manual coding, per code"):
    """Precision and recall of each code's rules (``kit.coding.compare_auto_manual``) as
    paired bars, solid and hatched, with the number of manual codings beside the code."""
    if not len(table):
        return empty_figure(title, "No manual codings to compare with.")
    frame = table.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], max(3.0, 0.45 * len(frame) + 1.8)), layout="constrained")
    ys = np.arange(len(frame))
    h = 0.38
    ax.barh(ys - h / 2, frame["precision"].fillna(0), height=h, color="#4c72b0", edgecolor="#333333",
            linewidth=0.5, label="precision: auto-codes the coders agree with")
    ax.barh(ys + h / 2, frame["recall"].fillna(0), height=h, color="#dd8452", hatch="//",
            edgecolor="#333333", linewidth=0.5, label="recall: manual codes the rules found")
    for y, row in zip(ys, frame.itertuples(index=False)):
        for offset, value in ((-h / 2, row.precision), (h / 2, row.recall)):
            label = "n/a" if value is None or math.isnan(value) else f"{value:.2f}"
            ax.text((0 if label == "n/a" else value) + 0.01, y + offset, label, va="center", fontsize=7)
    ax.set_yticks(ys, [f"{c} (manual {m})" for c, m in zip(frame["code"], frame["manual"])], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.15)
    ax.set_xlabel("Share (0 to 1)")
    ax.set_ylabel("Code (segments coded by hand)")
    fig.legend(loc="outside lower center", ncol=2, fontsize=8)
    ax.set_title(title)
    return fig


# --------------------------------------------------------------------------- saturation

@literal_figure
def saturation_curve(result, title: str = "Thematic saturation"):
    """The cumulative number of distinct codes after each interview (line) and the new codes
    each brought (hatched bars), the base interviews shaded, marks at 6 and 12 interviews
    (Guest, Bunce & Johnson 2006) and the saturation point of Guest, Namey & Chen (2020)."""
    n = result["n_interviews"]
    if not n:
        return empty_figure(title, "No interviews.")
    xs = np.arange(1, n + 1)
    curve = np.array(result["curve"])
    new = np.array(result["new_per_interview"])
    total = result["total_codes"] or 0
    fig, ax = plt.subplots(figsize=FIGSIZE)
    base = min(result["base"], n)
    ax.axvspan(0.5, base + 0.5, color="#eeeeee", zorder=0)
    ax.text(0.6, max(total, 1) * 1.15, f"base: first {result['base']}", ha="left",
            va="bottom", fontsize=8, color="#555555")
    if n <= EVERY_TICK:
        ax.bar(xs, new, color="#fdae6b", hatch="//", edgecolor="#7f2704", linewidth=0.5,
               label="new codes in the interview", zorder=2)
    else:  # one patch for them all, a bar a pixel wide each: thousands of patches cost a minute
        ax.stairs(new, np.arange(n + 1) + 0.5, fill=True, color="#fdae6b", hatch="//", edgecolor="#7f2704",
                  linewidth=0.5, label="new codes in the interview", zorder=2)
    ax.plot(xs, curve, marker="o", color="#08519c", linewidth=2, label="distinct codes so far", zorder=3)
    shares = result.get("guest_2006") or {}
    for mark, key in ((6, "by_6"), (12, "by_12")):
        if n >= mark:
            ax.axvline(mark, color="#555555", linestyle="--", linewidth=1, zorder=1)
            share = shares.get(key)
            text = f"{mark} interviews" + (f": {share:.0%} of codes" if share is not None else "")
            # along the top, above the curve (which never passes the total), clear of the bars
            right_end = mark > n - 3  # near the right edge the text goes to the left of its line
            ax.text(mark - 0.1 if right_end else mark + 0.1, max(total, 1) * 1.04, text, va="bottom",
                    ha="right" if right_end else "left", fontsize=8, color="#333333")
    point = result.get("saturated_at")
    if point:
        ax.plot([point], [curve[point - 1]], marker="*", markersize=18, color="#d62728",
                markeredgecolor="black", zorder=4, linestyle="none", label="saturation point")
        ax.annotate(f"saturation at {point} interviews\n(base {result['base']}, run {result['run']}, "
                    f"\u2264{result['threshold']:.0%} new)", (point, curve[point - 1]),
                    xytext=(20, -75), textcoords="offset points", fontsize=9,
                    bbox=dict(facecolor="white", edgecolor="none", pad=1),
                    arrowprops=dict(arrowstyle="->", color="#333333"))
    else:  # under the title, clear of the curve whatever its shape
        title = f"{title}\n" + textwrap.fill(f"not saturated: {result.get('reason') or ''}", 75)
    for c in result.get("criteria") or []:
        if c["threshold"] == 0 and c["saturated_at"] and c["saturated_at"] != point:
            at = c["saturated_at"]
            ax.plot([at], [curve[at - 1]], marker="D", markersize=9, color="#ffffff", markeredgecolor="#d62728",
                    markeredgewidth=2, zorder=4, linestyle="none", label="no new code at all (0%)")
    if n <= EVERY_TICK:
        ax.set_xticks(xs)
    else:  # one tick per interview would be thousands of overlapping labels, laid out one by one
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(0, max(total, 1) * 1.25)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel("Interviews, in the order they were held")
    ax.set_ylabel("Codes")
    # below the axes, so it never covers the curve or the notes
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8, frameon=False)
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- theme discovery

@literal_figure
def suggested_themes_chart(themes, title: str = "Suggested themes by size and sentiment"):
    """The suggested themes of ``kit.theme_discovery.discover_themes`` (its ``themes`` table:
    theme, label, participants, passages, mean_compound), largest first: on the left the
    passages in each theme as bars with the participants written beside them, on the right
    the mean VADER compound of its passages as a dot on a -1 to 1 scale with its value.
    Negative themes are hatched, so the sign does not rest on colour alone."""
    if not len(themes):
        return empty_figure(title, "No suggested themes: too few passages share their words.")
    rows = list(themes.itertuples(index=False))
    names = [textwrap.shorten(f"{r.theme} {r.label}", width=42, placeholder="…") for r in rows]
    fig, (left, right) = plt.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]},
                                      figsize=(FIGSIZE[0] + 2, max(3.0, 0.38 * len(rows) + 1.6)))
    most = max(r.passages for r in rows)
    for y, r in enumerate(rows):
        negative = r.mean_compound < 0
        left.barh(y, r.passages, color=PALETTE[3] if negative else PALETTE[0], hatch="//" if negative else "",
                  edgecolor="#333333", linewidth=0.6)
        left.text(r.passages + most * 0.02, y, f"{r.passages} ({r.participants} people)", va="center", fontsize=8)
        right.plot([0, r.mean_compound], [y, y], color="#999999", linewidth=1)
        right.scatter([r.mean_compound], [y], s=40, color=PALETTE[3] if negative else PALETTE[0],
                      marker="v" if negative else "o", zorder=3)
        right.text(r.mean_compound + (0.06 if r.mean_compound >= 0 else -0.06), y, f"{r.mean_compound:+.2f}",
                   va="center", ha="left" if r.mean_compound >= 0 else "right", fontsize=8)
    left.set_yticks(range(len(rows)), names)
    left.invert_yaxis()
    left.set_xlim(0, most * 1.45)
    left.set_xlabel("Passages in the theme")
    left.set_ylabel("Suggested theme (its most distinctive terms)")
    right.axvline(0, color="#555555", linewidth=0.8)
    right.set_xlim(-1.1, 1.1)
    right.set_xlabel("Mean VADER compound of its passages")
    fig.suptitle(title)
    fig.tight_layout()
    return fig
