# Jinja 3.1.6 generated this from page.html.j2 (sha256 e99382b0151f55dbc667dff70c66d9981b6122f9de0ef03b7a422266ce4b6c53); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'page.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('timeline.html.j2', 'page.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_page_start(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_lang = resolve('lang')
    l_0_theme = resolve('theme')
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '" class="tl-page tl-theme-'
    yield escape((undefined(name='theme') if l_0_theme is missing else l_0_theme))
    yield '">\n<head>\n'
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body>\n<main class="tl-main">\n'

def block_head(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_self = TemplateReference(context)
    _block_vars = {}
    l_0_theme = resolve('theme')
    l_0_title = resolve('title')
    pass
    yield '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    if ((undefined(name='theme') if l_0_theme is missing else l_0_theme) == 'auto'):
        pass
        yield '<meta name="color-scheme" content="light dark">\n'
    elif ((undefined(name='theme') if l_0_theme is missing else l_0_theme) == 'dark'):
        pass
        yield '<meta name="color-scheme" content="dark">\n'
    else:
        pass
        yield '<meta name="color-scheme" content="light">\n'
    yield '<title>'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</title>\n<style>\n'
    yield escape(context.call(environment.getattr(l_0_self, 'styles'), _block_vars=_block_vars))
    yield '\n'
    yield from context.blocks['page_styles'][0](context)
    yield escape(context.call(environment.getattr(l_0_self, 'extra_styles'), _block_vars=_block_vars))
    yield '\n</style>\n'

def block_page_styles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    template = environment.get_template('page.css', 'page.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

def block_page_end(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_self = TemplateReference(context)
    _block_vars = {}
    pass
    yield '\n</main>\n<script>\n'
    yield escape(context.call(environment.getattr(l_0_self, 'script'), _block_vars=_block_vars))
    yield '\n</script>\n</body>\n</html>\n'

blocks = {'page_start': block_page_start, 'head': block_head, 'page_styles': block_page_styles, 'page_end': block_page_end}
debug_info = '4=12&5=17&7=28&9=32&12=47&14=50&19=57&21=59&22=61&23=62&22=65&30=80&34=90'
