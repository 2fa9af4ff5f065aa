# Jinja 3.1.6 generated this from page.css (sha256 d72feef47351777a040a68e6a8ba211138a160e20f4c54d20cf40a1c77d75d71); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'page.css'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '/* Page-only styles: the document around the timeline, and paper. */\nhtml.tl-page { background: #ffffff; color-scheme: light; }\nhtml.tl-page.tl-theme-auto { color-scheme: light dark; }\nhtml.tl-page.tl-theme-dark { background: #15171a; color-scheme: dark; }\n@media (prefers-color-scheme: dark) { html.tl-page.tl-theme-auto { background: #15171a; } }\nhtml.tl-page body { margin: 0; }\nhtml.tl-page .tl-main { padding: 2.5rem clamp(0.75rem, 4vw, 3rem) 4rem; }\n@media (prefers-reduced-motion: no-preference) { html.tl-page { scroll-behavior: smooth; } }\n\n/* A margin that suits both A4 (210 × 297 mm) and US Letter (8.5 × 11 in). */\n@page { margin: 16mm 15mm 18mm; }\n@media print {\n  html.tl-page, html.tl-page.tl-theme-dark { background: #ffffff; color-scheme: light; }\n  html.tl-page .tl-main { padding: 0; }\n}\n'

blocks = {}
debug_info = ''
