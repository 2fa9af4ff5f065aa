"""Small timelines for the HTML tests: one ordinary, one carrying attack payloads."""

from __future__ import annotations

import timeline

SMALL_TOML = '''
[timeline]
title = "After Stalin"
subtitle = "The Gulag amnesty of 1953"
description = """
A small timeline for tests, with *emphasis*, **strong** and [a link](https://example.org/a_(b)).

A second paragraph,
with a line break.
"""
range = "1950/1956"

[[lanes]]
id = "politics"
label = "Leadership and politics"

[[lanes]]
id = "gulag"
label = "Gulag and penal policy"

[sources.tikhonov]
type = "chapter"
kind = "scholarly"
title = "The End of the Gulag"
author = ["Aleksei Tikhonov"]
editor = ["Paul R. Gregory", "Valery Lazarev"]
container-title = "The Economics of Forced Labor: The Soviet Gulag"
publisher = "Hoover Institution Press"
issued = "2003"
reliability = "A scholarly chapter built on the Gulag's own archive."

[sources.acritas]
type = "webpage"
kind = "blog"
title = "The Amnesty of 1953"
url = "https://example.org/amnesty"
reliability = "A student blog post; *no references*."

[[eras]]
id = "thaw"
label = "The Thaw"
when = "1953/1956"
citations = [{ source = "tikhonov", locator = "p. 70" }]

[[events]]
id = "stalin-dies"
title = "Stalin dies"
when = "1953-03-05"
lane = "politics"
tags = ["stalin", "leadership"]
text = "He died at his dacha. See [the blog](https://example.org/blog)."
citations = [{ source = "tikhonov", locator = "p. 67", quote = "STALIN DIED ON March 5, 1953" }]

[[events]]
id = "beria-amnesty-memo"
title = "Beria proposes an amnesty"
lane = "gulag"
tags = ["amnesty"]

  [[events.claims]]
  about = "date"
  when = "1953-03-26"
  rank = "preferred"
  note = "The chapter quotes the memo's date."
  citations = [{ source = "tikhonov", locator = "p. 67", quote = "On March 26 he sent the Presidium" }]

  [[events.claims]]
  about = "date"
  when = "1953-03-23"
  citations = [{ source = "acritas", quote = "March 23rd, 1953" }]

[[events]]
id = "light-sentences"
title = "Light sentences freed"
when = "[..1953-22]"
lane = "gulag"
tags = ["amnesty"]
media = { url = "https://example.org/photo.jpg", caption = "Released prisoners", credit = "Archive photo", alt = "A crowd at a station" }
citations = [{ source = "acritas" }]

[[events]]
id = "early-fifties"
title = "Camps overcrowded"
when = "1950~/1952~"
lane = "gulag"
citations = [{ source = "tikhonov", locator = "p. 60" }]
'''

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            '"><svg onload=alert(1)>')


def small() -> timeline.Timeline:
    """The ordinary fixture: lanes, an era, a dispute, a bounded date, media."""
    return timeline.loads(SMALL_TOML)


def hostile() -> timeline.Timeline:
    """A timeline whose every text field carries script payloads."""
    a, b, c, d = PAYLOADS
    tl = timeline.Timeline(title=f"Title {a}", subtitle=b, description=f"Intro {b} [x]({c}) {d}")
    tl = tl.add_source(id="evil", kind=timeline.SourceKind.BLOG, type="webpage", title=f"Source {a}{d}",
                       url=c, author=[b], reliability=f"[r]({c}) {a}")
    tl = tl.add_source(id="evil2", type="book", title=f"Book {d}", url="JaVaScRiPt:alert(1)",
                       publisher=a)
    tl = tl.add_source(id="evil3", type="webpage", title="Data", url="data:text/html,<script>alert(1)</script>")
    tl = tl.add_event("e1", f"Event {a}", "1953-03-05", text=f"Text {b} [click]({c}) [y](  java\tscript:alert(1))",
                      tags=(f"tag{d}",), lane="lane", note=d,
                      citations=[{"source": "evil", "locator": f"p. {a}", "quote": d}])
    tl = tl.add_event("e2", f"Second {d}", "1954", citations=[{"source": "evil2", "locator": b}],
                      media=timeline.Media(url=c, caption=a, credit=b, alt=d))
    tl = tl.add_event("e3", "Third", "1955", text="[z](&#106;avascript:alert(1)) [ok](vbscript:msgbox(1))",
                      citations=[{"source": "evil3"}])
    return tl
