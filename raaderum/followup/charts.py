"""Geometry of the follow-up charts, drawn as server-side SVG. Pure: no Django.

The SVG uses presentation attributes only (no style attributes: the CSP forbids them), and every
chart is shown beside a table of the same figures, which is what screen readers and the PDF use.
Pixel positions are whole numbers; the figures themselves are never rounded here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Horizontal rate bars.
RATE_WIDTH = 640
RATE_LABEL_WIDTH = 220
RATE_BAR_SPACE = 330
RATE_ROW_HEIGHT = 34
RATE_BAR_HEIGHT = 20


@dataclass(frozen=True)
class RateBar:
    label: str
    percent: int | None
    y: int
    width: int
    text_x: int

    @property
    def bar_y(self) -> int:
        return self.y + (RATE_ROW_HEIGHT - RATE_BAR_HEIGHT) // 2

    @property
    def text_y(self) -> int:
        return self.y + RATE_ROW_HEIGHT // 2 + 5


@dataclass(frozen=True)
class RateChart:
    bars: list[RateBar]
    height: int
    scale_max: int  # the percentage at the right end of the bar space
    hundred_x: int  # where 100 % is

    @property
    def label_width(self) -> int:
        return RATE_LABEL_WIDTH

    @property
    def width(self) -> int:
        return RATE_WIDTH

    @property
    def bar_height(self) -> int:
        return RATE_BAR_HEIGHT


def _scale_max(percents: Sequence[int]) -> int:
    """100 %, or more when something exceeded it, rounded up to a multiple of 25."""
    highest = max([100, *percents])
    return -(-highest // 25) * 25


def rate_chart(rows: Sequence[tuple[str, int | None]]) -> RateChart:
    """(label, whole percentage or None) per bar, top to bottom."""
    scale = _scale_max([p for _label, p in rows if p is not None])
    hundred = 100 * RATE_BAR_SPACE // scale
    bars = []
    for index, (label, percent) in enumerate(rows):
        width = 0 if percent is None or percent <= 0 else percent * RATE_BAR_SPACE // scale
        bars.append(
            RateBar(
                label=label,
                percent=percent,
                y=index * RATE_ROW_HEIGHT,
                width=width,
                # Right of the 100 % line, so the figures line up and never cross it.
                text_x=RATE_LABEL_WIDTH + max(width, hundred) + 8,
            )
        )
    return RateChart(
        bars=bars,
        height=max(len(rows), 1) * RATE_ROW_HEIGHT + 24,
        scale_max=scale,
        hundred_x=RATE_LABEL_WIDTH + hundred,
    )


# Vertical bars: expected against realised per year.
YEAR_WIDTH = 640
YEAR_PLOT_HEIGHT = 220
YEAR_TOP = 16
YEAR_LEFT = 16
YEAR_BOTTOM_SPACE = 28
YEAR_BAR_WIDTH = 30
YEAR_GAP = 4


@dataclass(frozen=True)
class YearBar:
    x: int
    y: int
    height: int
    value: int


@dataclass(frozen=True)
class YearGroup:
    year: int
    expected: YearBar  # every initiative's expected råderum in the year
    assessed: YearBar | None  # expected of those assessed and approved; None: none yet
    realised: YearBar | None  # what they realised; None: nothing approved for the year yet
    label_x: int


@dataclass(frozen=True)
class YearChart:
    groups: list[YearGroup]
    zero_y: int
    width: int
    height: int
    label_y: int
    bar_width: int


def _bar(x: int, value: int, zero_y: int, span: int) -> YearBar:
    size = abs(value) * YEAR_PLOT_HEIGHT // span if span else 0
    if value and not size:
        size = 1  # a tiny amount is still seen to exist
    y = zero_y - size if value >= 0 else zero_y
    return YearBar(x=x, y=y, height=size, value=value)


def year_chart(rows: Sequence[tuple[int, int, int | None, int | None]]) -> YearChart:
    """(year, expected, expected in the assessed years or None, realised or None) per year.

    The realised bar stands beside what the same assessed initiatives expected, so a year that
    is only partly assessed is not compared with everything expected in it.
    """
    values = [v for _year, *amounts in rows for v in (a for a in amounts if a is not None)]
    top = max([0, *values])
    bottom = min([0, *values])
    span = top - bottom
    zero_y = YEAR_TOP + (top * YEAR_PLOT_HEIGHT // span if span else YEAR_PLOT_HEIGHT)
    slot = (YEAR_WIDTH - YEAR_LEFT) // max(len(rows), 1)
    step = YEAR_BAR_WIDTH + YEAR_GAP
    groups = []
    for index, (year, expected, assessed, realised) in enumerate(rows):
        left = YEAR_LEFT + index * slot + (slot - 3 * step + YEAR_GAP) // 2
        groups.append(
            YearGroup(
                year=year,
                expected=_bar(left, expected, zero_y, span),
                assessed=None if assessed is None else _bar(left + step, assessed, zero_y, span),
                realised=None
                if realised is None
                else _bar(left + 2 * step, realised, zero_y, span),
                label_x=left + (3 * step - YEAR_GAP) // 2,
            )
        )
    plot_bottom = YEAR_TOP + YEAR_PLOT_HEIGHT
    return YearChart(
        groups=groups,
        zero_y=zero_y,
        width=YEAR_WIDTH,
        height=plot_bottom + YEAR_BOTTOM_SPACE,
        label_y=plot_bottom + 20,
        bar_width=YEAR_BAR_WIDTH,
    )
