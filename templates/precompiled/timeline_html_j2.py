# Jinja 3.1.6 generated this from timeline.html.j2 (sha256 8db68af7ecda38443d233057c783ecda2aa380c62369fb31cf27325e47ec7e24); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'timeline.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_prefix = resolve('prefix')
    l_0_heading = resolve('heading')
    l_0_fragment = resolve('fragment')
    l_0_p = l_0_h1 = l_0_h2 = l_0_h3 = l_0_root_tag = missing
    pass
    l_0_p = (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix)
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    l_0_h1 = (undefined(name='heading') if l_0_heading is missing else l_0_heading)
    context.vars['h1'] = l_0_h1
    context.exported_vars.add('h1')
    l_0_h2 = ((undefined(name='heading') if l_0_heading is missing else l_0_heading) + 1)
    context.vars['h2'] = l_0_h2
    context.exported_vars.add('h2')
    l_0_h3 = ((undefined(name='heading') if l_0_heading is missing else l_0_heading) + 2)
    context.vars['h3'] = l_0_h3
    context.exported_vars.add('h3')
    l_0_root_tag = ('figure' if (undefined(name='fragment') if l_0_fragment is missing else l_0_fragment) else 'article')
    context.vars['root_tag'] = l_0_root_tag
    context.exported_vars.add('root_tag')
    yield from context.blocks['root'][0](context)

def block_root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_root_tag = resolve('root_tag')
    l_0_theme = resolve('theme')
    l_0_p = resolve('p')
    l_0_lang = resolve('lang')
    l_0_fragment = resolve('fragment')
    pass
    yield from context.blocks['page_start'][0](context)
    yield '<'
    yield escape((undefined(name='root_tag') if l_0_root_tag is missing else l_0_root_tag))
    yield ' class="tl-root tl-theme-'
    yield escape((undefined(name='theme') if l_0_theme is missing else l_0_theme))
    yield '" id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '" data-tl-prefix="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '" aria-labelledby="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-heading" lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n'
    if (undefined(name='fragment') if l_0_fragment is missing else l_0_fragment):
        pass
        yield '<style>\n'
        yield from context.blocks['styles'][0](context)
        yield from context.blocks['extra_styles'][0](context)
        yield '</style>\n'
    yield from context.blocks['header'][0](context)
    yield from context.blocks['intro'][0](context)
    yield from context.blocks['figure'][0](context)
    yield from context.blocks['events'][0](context)
    yield from context.blocks['eras'][0](context)
    yield from context.blocks['notes'][0](context)
    yield from context.blocks['bibliography'][0](context)
    yield from context.blocks['colophon'][0](context)
    if (undefined(name='fragment') if l_0_fragment is missing else l_0_fragment):
        pass
        yield '<script>\n'
        yield from context.blocks['script'][0](context)
        yield '</script>\n'
    yield '</'
    yield escape((undefined(name='root_tag') if l_0_root_tag is missing else l_0_root_tag))
    yield '>\n'
    yield from context.blocks['page_end'][0](context)

def block_page_start(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_styles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_overview = resolve('overview')
    pass
    template = environment.get_template('timeline.css', 'timeline.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (undefined(name='overview') if l_0_overview is missing else l_0_overview):
        pass
        template = environment.get_template('overview.css', 'timeline.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()

def block_extra_styles(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_header(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_h1 = resolve('h1')
    l_0_p = resolve('p')
    l_0_title = resolve('title')
    l_0_subtitle = resolve('subtitle')
    pass
    yield '<header class="tl-header">\n<h'
    yield escape((undefined(name='h1') if l_0_h1 is missing else l_0_h1))
    yield ' class="tl-title" id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-heading">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h'
    yield escape((undefined(name='h1') if l_0_h1 is missing else l_0_h1))
    yield '>\n'
    if (undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle):
        pass
        yield '<p class="tl-subtitle">'
        yield escape((undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle))
        yield '</p>\n'
    yield '</header>\n'

def block_intro(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_description = resolve('description')
    pass
    if (undefined(name='description') if l_0_description is missing else l_0_description):
        pass
        yield '<div class="tl-intro">\n'
        yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
        yield '\n</div>\n'

def block_figure(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_charts = resolve('charts')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<div class="tl-figure'
    if (t_1((undefined(name='charts') if l_0_charts is missing else l_0_charts)) > 1):
        pass
        yield ' tl-responsive'
    yield '">\n<a class="tl-skip" href="#'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-events">Skip the chart to the list of events</a>\n'
    for l_1_chart in (undefined(name='charts') if l_0_charts is missing else l_0_charts):
        _loop_vars = {}
        pass
        if environment.getattr(l_1_chart, 'note'):
            pass
            yield '<p class="tl-figure-hint tl-chart-note" id="'
            yield escape(environment.getattr(l_1_chart, 'id'))
            yield '-note">'
            yield escape(environment.getattr(l_1_chart, 'note'))
            yield '</p>\n'
        yield '<div class="tl-chart tl-chart-'
        yield escape(environment.getattr(l_1_chart, 'kind'))
        yield '" id="'
        yield escape(environment.getattr(l_1_chart, 'id'))
        yield '">\n'
        yield escape(environment.getattr(l_1_chart, 'svg'))
        yield '\n</div>\n'
    l_1_chart = missing
    yield '<p class="tl-figure-hint">Select an event in the chart to read it in the list below; each entry links back to the chart. Numbers are notes on the sources.</p>\n</div>\n'

def block_events(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_p = resolve('p')
    l_0_h2 = resolve('h2')
    l_0_events = resolve('events')
    pass
    yield '<section class="tl-events" id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-events" aria-labelledby="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-events-title">\n<h'
    yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
    yield ' class="tl-section-title" id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-events-title">Events in order</h'
    yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
    yield '>\n'
    yield from context.blocks['filters'][0](context)
    yield '<ol class="tl-event-list">\n'
    l_1_loop = missing
    for l_1_ev, l_1_loop in LoopContext((undefined(name='events') if l_0_events is missing else l_0_events), undefined):
        l_1_h3 = resolve('h3')
        l_1_noterefs = resolve('noterefs')
        _loop_vars = {}
        pass
        yield '<li class="tl-event'
        if environment.getattr(l_1_ev, 'disputed'):
            pass
            yield ' tl-disputed'
        if environment.getattr(l_1_ev, 'context'):
            pass
            yield ' tl-context'
        if environment.getattr(l_1_ev, 'weak'):
            pass
            yield ' tl-weak'
        yield '" id="'
        yield escape(environment.getattr(l_1_ev, 'item_id'))
        yield '" data-event="'
        yield escape(environment.getattr(l_1_ev, 'id'))
        yield '" data-lane="'
        yield escape(environment.getattr(l_1_ev, 'lane'))
        yield '" data-tags="'
        yield escape(environment.getattr(l_1_ev, 'tag_keys'))
        yield '"'
        if environment.getattr(l_1_ev, 'support'):
            pass
            yield ' data-support="'
            yield escape(environment.getattr(l_1_ev, 'support'))
            yield '"'
        yield ' tabindex="-1">\n<p class="tl-when">'
        yield escape(environment.getattr(l_1_ev, 'date'))
        if environment.getattr(l_1_ev, 'disputed'):
            pass
            yield ' <span class="tl-badge">date disputed</span>'
        if environment.getattr(l_1_ev, 'disputes'):
            pass
            yield ' <span class="tl-badge">disputed</span>'
        if environment.getattr(l_1_ev, 'weak'):
            pass
            yield ' <span class="tl-badge tl-badge-weak">'
            yield escape(environment.getattr(l_1_ev, 'weak'))
            yield '</span>'
        if environment.getattr(l_1_ev, 'context'):
            pass
            yield ' <span class="tl-badge tl-badge-context">context</span>'
        yield '</p>\n<h'
        yield escape((undefined(name='h3') if l_1_h3 is missing else l_1_h3))
        yield ' class="tl-event-title">'
        yield escape(environment.getattr(l_1_ev, 'title'))
        yield escape(context.call((undefined(name='noterefs') if l_1_noterefs is missing else l_1_noterefs), environment.getattr(l_1_ev, 'refs'), _loop_vars=_loop_vars))
        yield '</h'
        yield escape((undefined(name='h3') if l_1_h3 is missing else l_1_h3))
        yield '>\n'
        if environment.getattr(l_1_ev, 'text'):
            pass
            yield '<div class="tl-text">\n'
            yield escape(environment.getattr(l_1_ev, 'text'))
            yield '\n</div>\n'
        if environment.getattr(l_1_ev, 'date_claims'):
            pass
            yield '<div class="tl-claims">\n<p class="tl-claims-title">'
            yield escape(('The sources disagree on the date:' if environment.getattr(l_1_ev, 'disputed') else 'What the sources say about the date:'))
            yield '</p>\n<ul class="tl-claim-list">\n'
            for l_2_c in environment.getattr(l_1_ev, 'date_claims'):
                _loop_vars = {}
                pass
                yield '<li class="tl-claim tl-rank-'
                yield escape(environment.getattr(l_2_c, 'rank'))
                yield '">\n<p class="tl-claim-value">'
                yield escape(environment.getattr(l_2_c, 'when'))
                yield escape(context.call((undefined(name='noterefs') if l_1_noterefs is missing else l_1_noterefs), environment.getattr(l_2_c, 'refs'), _loop_vars=_loop_vars))
                if (environment.getattr(l_2_c, 'rank') != 'normal'):
                    pass
                    yield ' <span class="tl-rank">'
                    yield escape(environment.getattr(l_2_c, 'rank'))
                    yield '</span>'
                yield '</p>\n'
                if environment.getattr(l_2_c, 'note'):
                    pass
                    yield '<p class="tl-claim-note">'
                    yield escape(environment.getattr(l_2_c, 'note'))
                    yield '</p>\n'
                yield '</li>\n'
            l_2_c = missing
            yield '</ul>\n</div>\n'
        l_2_loop = missing
        for l_2_g, l_2_loop in LoopContext(environment.getattr(l_1_ev, 'claim_groups'), undefined):
            _loop_vars = {}
            pass
            yield '<div class="tl-claims tl-claims-other'
            if environment.getattr(l_2_g, 'disputed'):
                pass
                yield ' tl-disputed'
            yield '">\n<p class="tl-sides"><span class="tl-claim-about">'
            yield escape(environment.getattr(l_2_g, 'label'))
            yield '</span> —'
            l_3_loop = missing
            for l_3_c, l_3_loop in LoopContext(environment.getattr(l_2_g, 'sides'), undefined):
                _loop_vars = {}
                pass
                if (not environment.getattr(l_3_loop, 'first')):
                    pass
                    yield ' ·'
                yield ' <span class="tl-side tl-rank-'
                yield escape(environment.getattr(l_3_c, 'rank'))
                yield '">'
                if environment.getattr(l_3_c, 'by'):
                    pass
                    yield '<span class="tl-claim-by">'
                    yield escape(environment.getattr(l_3_c, 'by'))
                    yield ':</span> '
                yield escape(environment.getattr(l_3_c, 'label'))
                yield escape(context.call((undefined(name='noterefs') if l_1_noterefs is missing else l_1_noterefs), environment.getattr(l_3_c, 'refs'), _loop_vars=_loop_vars))
                if (environment.getattr(l_3_c, 'rank') != 'normal'):
                    pass
                    yield ' <span class="tl-rank">('
                    yield escape(environment.getattr(l_3_c, 'rank'))
                    yield ')</span>'
                yield '</span>'
            l_3_loop = l_3_c = missing
            yield '</p>\n'
            def t_2(fiter):
                for l_3_c in fiter:
                    if environment.getattr(l_3_c, 'note'):
                        yield l_3_c
            for l_3_c in t_2(environment.getattr(l_2_g, 'sides')):
                _loop_vars = {}
                pass
                yield '<p class="tl-claim-note">'
                if environment.getattr(l_3_c, 'by'):
                    pass
                    yield '<span class="tl-claim-by">'
                    yield escape(environment.getattr(l_3_c, 'by'))
                    yield ':</span> '
                yield escape(environment.getattr(l_3_c, 'note'))
                yield '</p>\n'
            l_3_c = missing
            yield '</div>\n'
        l_2_loop = l_2_g = missing
        if environment.getattr(l_1_ev, 'media'):
            pass
            yield '<p class="tl-media"><span class="tl-label">Picture:</span> '
            if environment.getattr(environment.getattr(l_1_ev, 'media'), 'safe_url'):
                pass
                yield '<a href="'
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'safe_url'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'label'))
                yield '</a>'
            else:
                pass
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'label'))
            if (environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt') and (environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt') != environment.getattr(environment.getattr(l_1_ev, 'media'), 'label'))):
                pass
                yield ' <span class="tl-media-alt">('
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt'))
                yield ')</span>'
            if environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit'):
                pass
                yield ' <span class="tl-credit">Credit: '
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit'))
                yield '</span>'
            yield '</p>\n'
        if environment.getattr(l_1_ev, 'note'):
            pass
            yield '<div class="tl-event-note">\n'
            yield escape(environment.getattr(l_1_ev, 'note'))
            yield '\n</div>\n'
        yield '<p class="tl-meta">'
        if environment.getattr(l_1_ev, 'lane_label'):
            pass
            yield '<span class="tl-lane">'
            yield escape(environment.getattr(l_1_ev, 'lane_label'))
            yield '</span>'
        for l_2_tag in environment.getattr(l_1_ev, 'tags'):
            _loop_vars = {}
            pass
            yield ' <span class="tl-tag">'
            yield escape(l_2_tag)
            yield '</span>'
        l_2_tag = missing
        yield ' <a class="tl-back" href="#'
        yield escape(environment.getattr(l_1_ev, 'figure_id'))
        yield '">Back to the chart<span class="tl-vh"> ('
        yield escape(environment.getattr(l_1_ev, 'title'))
        yield ')</span></a></p>\n</li>\n'
    l_1_loop = l_1_ev = l_1_h3 = l_1_noterefs = missing
    yield '</ol>\n</section>\n'

def block_filters(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_lanes = resolve('lanes')
    l_0_tags = resolve('tags')
    try:
        t_3 = environment.filters['dom_key']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'dom_key' found.")
    pass
    yield '<div class="tl-filters" data-tl-filters hidden>\n<label class="tl-filter">Lane <select data-tl-filter="lane">\n<option value="">All lanes</option>\n'
    for l_1_lane in (undefined(name='lanes') if l_0_lanes is missing else l_0_lanes):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.getattr(l_1_lane, 'id'))
        yield '">'
        yield escape(environment.getattr(l_1_lane, 'label'))
        yield '</option>\n'
    l_1_lane = missing
    yield '</select></label>\n<label class="tl-filter">Tag <select data-tl-filter="tag">\n<option value="">All tags</option>\n'
    for l_1_tag in (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(t_3(l_1_tag))
        yield '">'
        yield escape(l_1_tag)
        yield '</option>\n'
    l_1_tag = missing
    yield '</select></label>\n<p class="tl-filter-status" role="status"></p>\n</div>\n'

def block_eras(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_eras = resolve('eras')
    l_0_p = resolve('p')
    l_0_h2 = resolve('h2')
    pass
    if (undefined(name='eras') if l_0_eras is missing else l_0_eras):
        pass
        yield '<section class="tl-eras" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-eras" aria-labelledby="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-eras-title">\n<h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield ' class="tl-section-title" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-eras-title">Periods</h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield '>\n<ul class="tl-era-list">\n'
        for l_1_era in (undefined(name='eras') if l_0_eras is missing else l_0_eras):
            l_1_noterefs = resolve('noterefs')
            _loop_vars = {}
            pass
            yield '<li class="tl-era" id="'
            yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
            yield '-period-'
            yield escape(environment.getattr(l_1_era, 'id'))
            yield '"><span class="tl-era-label">'
            yield escape(environment.getattr(l_1_era, 'label'))
            yield '</span>, '
            yield escape(environment.getattr(l_1_era, 'date'))
            yield escape(context.call((undefined(name='noterefs') if l_1_noterefs is missing else l_1_noterefs), environment.getattr(l_1_era, 'refs'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_era, 'text'):
                pass
                yield ': '
                yield escape(environment.getattr(l_1_era, 'text'))
            yield '</li>\n'
        l_1_era = l_1_noterefs = missing
        yield '</ul>\n</section>\n'

def block_notes(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_notes = resolve('notes')
    l_0_p = resolve('p')
    l_0_h2 = resolve('h2')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        pass
        yield '<section class="tl-notes" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-notes" role="doc-endnotes" aria-labelledby="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-notes-title">\n<h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield ' class="tl-section-title" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-notes-title">Notes</h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield '>\n<ol class="tl-note-list">\n'
        l_1_loop = missing
        for l_1_n, l_1_loop in LoopContext((undefined(name='notes') if l_0_notes is missing else l_0_notes), undefined):
            _loop_vars = {}
            pass
            yield '<li class="tl-note" id="'
            yield escape(environment.getattr(l_1_n, 'id'))
            yield '" tabindex="-1"><span class="tl-note-text">'
            yield escape(environment.getattr(l_1_n, 'html'))
            if environment.getattr(l_1_n, 'quote'):
                pass
                yield ' <q class="tl-quote">'
                yield escape(environment.getattr(l_1_n, 'quote'))
                yield '</q>'
            yield '</span>'
            if (t_1(environment.getattr(l_1_n, 'backlinks')) == 1):
                pass
                yield ' <a class="tl-backlink" href="#'
                yield escape(environment.getitem(environment.getattr(l_1_n, 'backlinks'), 0))
                yield '" role="doc-backlink" aria-label="Back to reference to note '
                yield escape(environment.getattr(l_1_n, 'number'))
                yield '">↩&#xFE0E;</a>'
            else:
                pass
                l_2_loop = missing
                for l_2_b, l_2_loop in LoopContext(environment.getattr(l_1_n, 'backlinks'), undefined):
                    _loop_vars = {}
                    pass
                    yield ' <a class="tl-backlink" href="#'
                    yield escape(l_2_b)
                    yield '" role="doc-backlink" aria-label="Back to reference '
                    yield escape(environment.getattr(l_2_loop, 'index'))
                    yield ' to note '
                    yield escape(environment.getattr(l_1_n, 'number'))
                    yield '">↩&#xFE0E;<sup>'
                    yield escape(environment.getattr(l_2_loop, 'index'))
                    yield '</sup></a>'
                l_2_loop = l_2_b = missing
            yield '</li>\n'
        l_1_loop = l_1_n = missing
        yield '</ol>\n</section>\n'

def block_bibliography(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_bibliography = resolve('bibliography')
    l_0_p = resolve('p')
    l_0_h2 = resolve('h2')
    pass
    if (undefined(name='bibliography') if l_0_bibliography is missing else l_0_bibliography):
        pass
        yield '<section class="tl-bibliography" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-bibliography" role="doc-bibliography" aria-labelledby="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-bibliography-title">\n<h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield ' class="tl-section-title" id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-bibliography-title">Sources</h'
        yield escape((undefined(name='h2') if l_0_h2 is missing else l_0_h2))
        yield '>\n'
        for l_1_group in (undefined(name='bibliography') if l_0_bibliography is missing else l_0_bibliography):
            l_1_h3 = resolve('h3')
            _loop_vars = {}
            pass
            yield '<h'
            yield escape((undefined(name='h3') if l_1_h3 is missing else l_1_h3))
            yield ' class="tl-bib-kind" id="'
            yield escape(environment.getattr(l_1_group, 'id'))
            yield '">'
            yield escape(environment.getattr(l_1_group, 'heading'))
            yield '</h'
            yield escape((undefined(name='h3') if l_1_h3 is missing else l_1_h3))
            yield '>\n<ul class="tl-bib-list">\n'
            for l_2_entry in environment.getattr(l_1_group, 'entries'):
                _loop_vars = {}
                pass
                yield '<li class="tl-bib-entry" id="'
                yield escape(environment.getattr(l_2_entry, 'id'))
                yield '">\n<p class="tl-bib-text">'
                yield escape(environment.getattr(l_2_entry, 'html'))
                yield '</p>\n'
                if environment.getattr(l_2_entry, 'reliability'):
                    pass
                    yield '<p class="tl-reliability"><span class="tl-label">Reliability:</span> '
                    yield escape(environment.getattr(l_2_entry, 'reliability'))
                    yield '</p>\n'
                if environment.getattr(l_2_entry, 'note'):
                    pass
                    yield '<p class="tl-bib-note">'
                    yield escape(environment.getattr(l_2_entry, 'note'))
                    yield '</p>\n'
                yield '</li>\n'
            l_2_entry = missing
            yield '</ul>\n'
        l_1_group = l_1_h3 = missing
        yield '</section>\n'

def block_colophon(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_script(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    template = environment.get_template('timeline.js', 'timeline.html.j2')
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
    _block_vars = {}
    pass

blocks = {'root': block_root, 'page_start': block_page_start, 'styles': block_styles, 'extra_styles': block_extra_styles, 'header': block_header, 'intro': block_intro, 'figure': block_figure, 'events': block_events, 'filters': block_filters, 'eras': block_eras, 'notes': block_notes, 'bibliography': block_bibliography, 'colophon': block_colophon, 'script': block_script, 'page_end': block_page_end}
debug_info = '5=15&6=18&7=21&8=24&9=27&10=30&11=45&12=47&13=59&15=62&16=63&19=65&27=66&34=67&48=68&117=69&129=70&141=71&164=72&165=73&167=76&170=79&171=81&11=83&15=92&16=116&19=125&21=138&22=146&23=149&27=153&28=162&30=165&34=168&35=185&36=189&37=191&38=194&39=197&41=202&42=206&48=211&49=223&50=227&51=233&71=236&72=242&73=266&74=282&75=289&77=292&80=294&82=297&84=299&85=303&86=305&87=313&88=316&95=322&96=326&97=330&98=357&99=365&103=375&104=378&106=399&108=402&111=405&51=425&55=442&56=446&61=452&62=456&117=463&118=474&119=477&120=481&122=487&123=492&129=508&130=525&131=528&132=532&134=539&135=543&141=579&142=590&143=593&144=597&145=603&146=608&148=616&149=620&150=622&151=624&152=627&154=629&155=632&164=640&167=649&171=664'
