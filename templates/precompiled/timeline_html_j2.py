# Jinja 3.1.6 generated this from timeline.html.j2 (sha256 955ffae0b149918d148460fe98d397711ca435c551d605da5aabd6c3870096b6); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
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
    for l_1_ev in (undefined(name='events') if l_0_events is missing else l_0_events):
        l_1_entry = missing
        _loop_vars = {}
        pass
        l_2_h3 = resolve('h3')
        t_2 = []
        pass
        t_2.extend((
            '<li class="tl-event',
            escape(environment.getattr(l_1_ev, 'classes')),
            '" id="',
            escape(environment.getattr(l_1_ev, 'item_id')),
            '" data-event="',
            escape(environment.getattr(l_1_ev, 'id')),
            '" data-lane="',
            escape(environment.getattr(l_1_ev, 'lane')),
            '" data-tags="',
            escape(environment.getattr(l_1_ev, 'tag_keys')),
            '"',
        ))
        if environment.getattr(l_1_ev, 'support'):
            pass
            t_2.extend((
                ' data-support="',
                escape(environment.getattr(l_1_ev, 'support')),
                '"',
            ))
        t_2.extend((
            ' tabindex="-1">\n<p class="tl-when">',
            escape(environment.getattr(l_1_ev, 'date')),
            escape(environment.getattr(l_1_ev, 'badges')),
            '</p>\n<h',
            escape((undefined(name='h3') if l_2_h3 is missing else l_2_h3)),
            ' class="tl-event-title">',
            escape(environment.getattr(l_1_ev, 'title')),
            escape(environment.getattr(l_1_ev, 'noterefs')),
            '</h',
            escape((undefined(name='h3') if l_2_h3 is missing else l_2_h3)),
            '>\n',
        ))
        if environment.getattr(l_1_ev, 'text'):
            pass
            t_2.extend((
                '<div class="tl-text">\n',
                escape(environment.getattr(l_1_ev, 'text')),
                '\n</div>\n',
            ))
        if environment.getattr(l_1_ev, 'date_claims'):
            pass
            t_2.extend((
                '<div class="tl-claims">\n<p class="tl-claims-title">',
                escape(('The sources disagree on the date:' if environment.getattr(l_1_ev, 'disputed') else 'What the sources say about the date:')),
                '</p>\n<ul class="tl-claim-list">\n',
            ))
            for l_3_c in environment.getattr(l_1_ev, 'date_claims'):
                l_3_noterefs = resolve('noterefs')
                _loop_vars = {}
                pass
                t_2.extend((
                    '<li class="tl-claim tl-rank-',
                    escape(environment.getattr(l_3_c, 'rank')),
                    '">\n<p class="tl-claim-value">',
                    escape(environment.getattr(l_3_c, 'when')),
                    escape(context.call((undefined(name='noterefs') if l_3_noterefs is missing else l_3_noterefs), environment.getattr(l_3_c, 'refs'), _loop_vars=_loop_vars)),
                ))
                if (environment.getattr(l_3_c, 'rank') != 'normal'):
                    pass
                    t_2.extend((
                        ' <span class="tl-rank">',
                        escape(environment.getattr(l_3_c, 'rank')),
                        '</span>',
                    ))
                t_2.append(
                    '</p>\n',
                )
                if environment.getattr(l_3_c, 'note'):
                    pass
                    t_2.extend((
                        '<p class="tl-claim-note">',
                        escape(environment.getattr(l_3_c, 'note')),
                        '</p>\n',
                    ))
                t_2.append(
                    '</li>\n',
                )
            l_3_c = l_3_noterefs = missing
            t_2.append(
                '</ul>\n</div>\n',
            )
        for l_3_g in environment.getattr(l_1_ev, 'claim_groups'):
            l_3_joiner = resolve('joiner')
            l_3_sep = missing
            _loop_vars = {}
            pass
            t_2.append(
                '<div class="tl-claims tl-claims-other',
            )
            if environment.getattr(l_3_g, 'disputed'):
                pass
                t_2.append(
                    ' tl-disputed',
                )
            t_2.append(
                '">\n',
            )
            l_3_sep = context.call((undefined(name='joiner') if l_3_joiner is missing else l_3_joiner), ' ·', _loop_vars=_loop_vars)
            _loop_vars['sep'] = l_3_sep
            t_2.extend((
                '<p class="tl-sides"><span class="tl-claim-about">',
                escape(environment.getattr(l_3_g, 'label')),
                '</span> —',
            ))
            for l_4_c in environment.getattr(l_3_g, 'sides'):
                l_4_noterefs = resolve('noterefs')
                _loop_vars = {}
                pass
                t_2.extend((
                    escape(context.call((undefined(name='sep') if l_3_sep is missing else l_3_sep), _loop_vars=_loop_vars)),
                    ' <span class="tl-side tl-rank-',
                    escape(environment.getattr(l_4_c, 'rank')),
                    '">',
                ))
                if environment.getattr(l_4_c, 'by'):
                    pass
                    t_2.extend((
                        '<span class="tl-claim-by">',
                        escape(environment.getattr(l_4_c, 'by')),
                        ':</span> ',
                    ))
                t_2.extend((
                    escape(environment.getattr(l_4_c, 'label')),
                    escape(context.call((undefined(name='noterefs') if l_4_noterefs is missing else l_4_noterefs), environment.getattr(l_4_c, 'refs'), _loop_vars=_loop_vars)),
                ))
                if (environment.getattr(l_4_c, 'rank') != 'normal'):
                    pass
                    t_2.extend((
                        ' <span class="tl-rank">(',
                        escape(environment.getattr(l_4_c, 'rank')),
                        ')</span>',
                    ))
                t_2.append(
                    '</span>',
                )
            l_4_c = l_4_noterefs = missing
            t_2.append(
                '</p>\n',
            )
            def t_3(fiter):
                for l_4_c in fiter:
                    if environment.getattr(l_4_c, 'note'):
                        yield l_4_c
            for l_4_c in t_3(environment.getattr(l_3_g, 'sides')):
                _loop_vars = {}
                pass
                t_2.append(
                    '<p class="tl-claim-note">',
                )
                if environment.getattr(l_4_c, 'by'):
                    pass
                    t_2.extend((
                        '<span class="tl-claim-by">',
                        escape(environment.getattr(l_4_c, 'by')),
                        ':</span> ',
                    ))
                t_2.extend((
                    escape(environment.getattr(l_4_c, 'note')),
                    '</p>\n',
                ))
            l_4_c = missing
            t_2.append(
                '</div>\n',
            )
        l_3_g = l_3_joiner = l_3_sep = missing
        if environment.getattr(l_1_ev, 'media'):
            pass
            t_2.append(
                '<p class="tl-media"><span class="tl-label">Picture:</span> ',
            )
            if environment.getattr(environment.getattr(l_1_ev, 'media'), 'safe_url'):
                pass
                t_2.extend((
                    '<a href="',
                    escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'safe_url')),
                    '">',
                    escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'label')),
                    '</a>',
                ))
            else:
                pass
                t_2.append(
                    escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'label')),
                )
            if (environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt') and (environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt') != environment.getattr(environment.getattr(l_1_ev, 'media'), 'label'))):
                pass
                t_2.extend((
                    ' <span class="tl-media-alt">(',
                    escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'alt')),
                    ')</span>',
                ))
            if environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit'):
                pass
                t_2.extend((
                    ' <span class="tl-credit">Credit: ',
                    escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit')),
                    '</span>',
                ))
            t_2.append(
                '</p>\n',
            )
        if environment.getattr(l_1_ev, 'note'):
            pass
            t_2.extend((
                '<div class="tl-event-note">\n',
                escape(environment.getattr(l_1_ev, 'note')),
                '\n</div>\n',
            ))
        t_2.append(
            '<p class="tl-meta">',
        )
        if environment.getattr(l_1_ev, 'lane_label'):
            pass
            t_2.extend((
                '<span class="tl-lane">',
                escape(environment.getattr(l_1_ev, 'lane_label')),
                '</span>',
            ))
        for l_3_tag in environment.getattr(l_1_ev, 'tags'):
            _loop_vars = {}
            pass
            t_2.extend((
                ' <span class="tl-tag">',
                escape(l_3_tag),
                '</span>',
            ))
        l_3_tag = missing
        t_2.extend((
            ' <a class="tl-back" href="#',
            escape(environment.getattr(l_1_ev, 'figure_id')),
            '">Back to the chart<span class="tl-vh"> (',
            escape(environment.getattr(l_1_ev, 'title')),
            ')</span></a></p>\n</li>\n',
        ))
        l_1_entry = (Markup if context.eval_ctx.autoescape else identity)(concat(t_2))
        _loop_vars['entry'] = l_1_entry
        l_2_h3 = missing
        yield escape((undefined(name='entry') if l_1_entry is missing else l_1_entry))
    l_1_ev = l_1_entry = missing
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
        t_4 = environment.filters['dom_key']
    except KeyError:
        @internalcode
        def t_4(*unused):
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
        yield escape(t_4(l_1_tag))
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
        for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
            l_1_entry = missing
            _loop_vars = {}
            pass
            t_5 = []
            pass
            t_5.extend((
                '<li class="tl-note" id="',
                escape(environment.getattr(l_1_n, 'id')),
                '" tabindex="-1"><span class="tl-note-text">',
                escape(environment.getattr(l_1_n, 'html')),
            ))
            if environment.getattr(l_1_n, 'quote'):
                pass
                t_5.extend((
                    ' <q class="tl-quote">',
                    escape(environment.getattr(l_1_n, 'quote')),
                    '</q>',
                ))
            t_5.extend((
                '</span>',
                escape(environment.getattr(l_1_n, 'backlinks_html')),
                '</li>\n',
            ))
            l_1_entry = (Markup if context.eval_ctx.autoescape else identity)(concat(t_5))
            _loop_vars['entry'] = l_1_entry
            yield escape((undefined(name='entry') if l_1_entry is missing else l_1_entry))
        l_1_n = l_1_entry = missing
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
debug_info = '5=15&6=18&7=21&8=24&9=27&10=30&11=45&12=47&13=59&15=62&16=63&19=65&27=66&34=67&48=68&125=69&137=70&150=71&173=72&174=73&176=76&179=79&180=81&11=83&15=92&16=116&19=125&21=138&22=146&23=149&27=153&28=162&30=165&34=168&35=185&36=189&37=191&38=194&39=197&41=202&42=206&48=211&49=223&50=227&51=233&77=235&79=244&80=264&81=267&82=275&84=279&87=282&89=286&91=289&92=295&93=297&94=310&95=314&102=324&103=332&104=340&105=344&106=382&107=392&111=408&112=413&114=444&116=448&119=454&78=477&121=480&51=484&55=501&56=505&61=511&62=515&125=522&126=533&127=536&128=540&130=546&131=551&137=567&138=578&139=581&140=585&142=591&144=599&143=615&145=617&150=621&151=632&152=635&153=639&154=645&155=650&157=658&158=662&159=664&160=666&161=669&163=671&164=674&173=682&176=691&180=706'
