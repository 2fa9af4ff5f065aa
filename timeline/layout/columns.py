"""The vertical layout's lane columns: per lane a dot column, then thin sub-columns for marks with length.

Spans of one lane that overlap in time go side by side into sub-columns (first fit over time);
when the width can't hold them all, the sub-columns get narrower and then are shared.  On a
narrow frame (a phone) the columns are packed tight, a few px per lane, so that the labels
beside them get most of the width.
"""

from __future__ import annotations

from timeline.layout.chart import Chart, first_fit
from timeline.layout.classify import day_span
from timeline.layout.marks import POINT_R

__all__ = ["Columns"]


class Columns:
    """Where each lane's marks go across the page, from ``axis_x + gap`` to :attr:`end`."""

    def __init__(self, ch: Chart, axis_x: float, x_right: float, d0: float, d1: float, *, narrow: bool = False) -> None:
        n_lanes = len(ch.lane_names)
        self.ch = ch
        lengthy = []
        for k, info in enumerate(ch.infos):
            span = day_span(info, d0, d1)
            if span is not None:
                lengthy.append((span[0], info.event.id, span[1], k))
        lengthy.sort()
        sub_rows: dict[int, list[float]] = {}
        self.sub_of: dict[int, int] = {}
        for start, _id, end, k in lengthy:
            self.sub_of[k] = first_fit(sub_rows.setdefault(ch.infos[k].lane, []), start, end, 1_000_000)
        # (dot column, sub-column, gap between lanes, axis to the first lane, dot centre and first sub-column offsets)
        if narrow:
            self.dot_w, self.sub_w, lane_gap, self.gap, dot_x, self.sub_x = 2 * POINT_R + 1, 4.0, 4.0, 6.0, POINT_R + 0.5, POINT_R + 0.5
        else:
            self.dot_w, self.sub_w, lane_gap, self.gap, dot_x, self.sub_x = 2 * POINT_R + 3, 6.0, 8.0, 14.0, POINT_R + 1, POINT_R + 1.5
        dot_w = self.dot_w
        gaps = lane_gap * max(0, n_lanes - 1)
        need = sum(dot_w + self.sub_w * len(sub_rows.get(lane, [])) for lane in range(n_lanes)) + gaps
        if narrow:  # at least one sub-column a lane, and a sixth of the width at most beyond that
            room = max(n_lanes * (dot_w + 3.0) + gaps, (x_right - axis_x - self.gap) * 0.16)
        else:
            room = max(60.0, (x_right - axis_x - self.gap) * 0.4)
        if need > room:
            # Too many overlapping spans for the width: narrower sub-columns, then sharing them.
            subs = sum(len(sub_rows.get(lane, [])) for lane in range(n_lanes))
            self.sub_w = max(3.0, (room - n_lanes * dot_w - gaps) / max(1, subs))
        max_sub = max(1, int((room - n_lanes * dot_w - gaps) / self.sub_w / max(1, n_lanes)))
        self.col_x: list[float] = []
        self.lane_w: list[float] = []
        cx = axis_x + self.gap
        for lane in range(n_lanes):
            n_sub = len(sub_rows.get(lane, []))
            if need > room:
                n_sub = min(n_sub, max_sub)
            self.col_x.append(cx + dot_x)
            self.lane_w.append(dot_w + self.sub_w * n_sub)
            cx += self.lane_w[-1] + lane_gap
        self.end = cx - lane_gap

    def across(self, k: int) -> float:
        """The across position of event ``k``'s marks."""
        info = self.ch.infos[k]
        if k not in self.sub_of:
            return self.col_x[info.lane]
        n_sub = max(1, int(round((self.lane_w[info.lane] - self.dot_w) / self.sub_w)))
        return self.col_x[info.lane] + self.sub_x + self.sub_w * (self.sub_of[k] % n_sub) + self.sub_w / 2
