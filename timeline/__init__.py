"""timeline: historical timelines rendered to SVG and HTML with source footnotes."""
