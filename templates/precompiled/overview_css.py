# Jinja 3.1.6 generated this from overview.css (sha256 ce31b7d9b79574041b3ff7961ecb9db00b98ba757330d9e30a11dbaa8a477aca); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'overview.css'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield "/* One chart for every width (a timeline past charts.RESPONSIVE_MAX_EVENTS): shown at its own size,\n   never shrunk to the figure (its text stays at least a phone's 12 px); its box scrolls sideways. */\n.tl-root .tl-chart-overview svg { max-width: none !important; margin: 0; }\n/* Printed, the page shows the print note, not chart pages that carry the title: the page keeps its\n   own heading, and the note stays in reading order after it. */\n@media print {\n  .tl-root:has(.tl-chart-print) > .tl-header { display: block; }\n  .tl-root:has(.tl-chart-print) > .tl-figure { order: 0; }\n}\n"

blocks = {}
debug_info = ''
