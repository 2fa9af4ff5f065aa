# Jinja 3.1.6 generated this from fragment.html.j2 (sha256 adb676a655c763022d511ea0f3b4a162da390e9fa924a1b48626c17384e2c4bd); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'fragment.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('timeline.html.j2', 'fragment.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

blocks = {}
debug_info = '2=12'
