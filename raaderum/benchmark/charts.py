"""Horizontal bar charts drawn on the server as SVG: no script, no style attribute (CSP).

Only the geometry is decided here; the template draws it, and the same figures stand in a table
beside the chart for screen readers and for anyone who wants the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 230
BAR_AREA = 420
VALUE_WIDTH = 130
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 8

# Det Fælles Designsystem's colours.
OWN = "#004993"
OTHER = "#9bb7d3"
REFERENCE = "#b51d09"
POTENTIAL = "#004993"


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: int
    width: int
    fill: str
    highlight: bool

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 4


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    marker_x: int | None  # a vertical line, e.g. the reference level
    marker_label: str

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def width(self) -> int:
        return LABEL_WIDTH + BAR_AREA + VALUE_WIDTH

    @property
    def bar_x(self) -> int:
        return LABEL_WIDTH

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + BAR_AREA + 6

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 8

    @property
    def bottom(self) -> int:
        return self.height - 2


def bar_chart(
    items: list[tuple[str, int, str, bool]],
    *,
    marker: int | None = None,
    marker_label: str = "",
    fill: str = OTHER,
) -> Chart:
    """items: (label, value ≥ 0, value as text, highlighted); the longest bar fills the width."""
    largest = max([value for _label, value, _text, _own in items] + [marker or 0, 1])
    bars = []
    for index, (label, value, text, highlight) in enumerate(items):
        width = max(0, round(BAR_AREA * value / largest))
        bars.append(
            Bar(
                label=label,
                value_text=text,
                y=TOP + index * ROW_HEIGHT,
                width=max(width, 1) if value > 0 else 0,
                fill=OWN if highlight else fill,
                highlight=highlight,
            )
        )
    marker_x = None if marker is None else LABEL_WIDTH + round(BAR_AREA * marker / largest)
    return Chart(
        bars=bars,
        height=TOP * 2 + len(items) * ROW_HEIGHT,
        marker_x=marker_x,
        marker_label=marker_label,
    )
