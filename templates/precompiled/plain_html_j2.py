# Jinja 3.1.6 generated this from plain.html.j2 (sha256 13183e5c20638956c8be84126c9fbb88197a709154fc7b28b6f8febb355f90d0); TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_fast_paths.py rewrites it.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'plain.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_prefix = resolve('prefix')
    l_0_lang = resolve('lang')
    l_0_title = resolve('title')
    l_0_subtitle = resolve('subtitle')
    l_0_description = resolve('description')
    l_0_image = resolve('image')
    l_0_events = resolve('events')
    l_0_eras = resolve('eras')
    l_0_notes = resolve('notes')
    l_0_bibliography = resolve('bibliography')
    l_0_p = l_0_noterefs = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    pass
    l_0_p = (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix)
    context.vars['p'] = l_0_p
    context.exported_vars.add('p')
    def macro(l_1_refs):
        t_2 = []
        if l_1_refs is missing:
            l_1_refs = undefined("parameter 'refs' was not provided", name='refs')
        pass
        if l_1_refs:
            pass
            t_2.append(
                '<sup>',
            )
            l_2_loop = missing
            for l_2_r, l_2_loop in LoopContext(l_1_refs, undefined):
                _loop_vars = {}
                pass
                if (not environment.getattr(l_2_loop, 'first')):
                    pass
                    t_2.append(
                        ',',
                    )
                t_2.extend((
                    '<a id="',
                    escape(environment.getattr(l_2_r, 'id')),
                    '" href="',
                    escape(environment.getattr(l_2_r, 'href')),
                    '">',
                    escape(environment.getattr(l_2_r, 'number')),
                    '</a>',
                ))
            l_2_loop = l_2_r = missing
            t_2.append(
                '</sup>',
            )
        return concat(t_2)
    context.exported_vars.add('noterefs')
    context.vars['noterefs'] = l_0_noterefs = Macro(environment, macro, 'noterefs', ('refs',), False, False, False, context.eval_ctx.autoescape)
    yield '<div class="tl-plain" id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '" lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<h2 id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-heading">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</h2>\n'
    if (undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle):
        pass
        yield '<p><em>'
        yield escape((undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle))
        yield '</em></p>\n'
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '\n<figure>\n<img src="'
    yield escape(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'src'))
    yield '" alt="'
    yield escape(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'alt'))
    yield '" width="'
    yield escape(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'width'))
    yield '" height="'
    yield escape(environment.getattr((undefined(name='image') if l_0_image is missing else l_0_image), 'height'))
    yield '">\n<figcaption>The timeline as a picture; every event is listed below, and the numbers are notes on the sources.</figcaption>\n</figure>\n<h3 id="'
    yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
    yield '-events">Events in order</h3>\n<ol>\n'
    for l_1_ev in (undefined(name='events') if l_0_events is missing else l_0_events):
        _loop_vars = {}
        pass
        yield '<li id="'
        yield escape(environment.getattr(l_1_ev, 'item_id'))
        yield '">\n<p><strong>'
        yield escape(environment.getattr(l_1_ev, 'date_label'))
        yield '</strong>'
        if environment.getattr(l_1_ev, 'disputed'):
            pass
            yield ' (date disputed)'
        if environment.getattr(l_1_ev, 'context'):
            pass
            yield ' (context)'
        if environment.getattr(l_1_ev, 'lane_label'):
            pass
            yield ' · '
            yield escape(environment.getattr(l_1_ev, 'lane_label'))
        yield '</p>\n<p><strong>'
        yield escape(environment.getattr(l_1_ev, 'title'))
        yield '</strong>'
        yield escape(context.call((undefined(name='noterefs') if l_0_noterefs is missing else l_0_noterefs), environment.getattr(l_1_ev, 'refs'), _loop_vars=_loop_vars))
        yield '</p>\n'
        if environment.getattr(l_1_ev, 'text'):
            pass
            yield escape(environment.getattr(l_1_ev, 'text'))
            yield '\n'
        if environment.getattr(l_1_ev, 'date_claims'):
            pass
            yield '<p>'
            yield escape(('The sources disagree on the date:' if environment.getattr(l_1_ev, 'disputed') else 'What the sources say about the date:'))
            yield '</p>\n<ul>\n'
            for l_2_c in environment.getattr(l_1_ev, 'date_claims'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_c, 'label'))
                yield escape(context.call((undefined(name='noterefs') if l_0_noterefs is missing else l_0_noterefs), environment.getattr(l_2_c, 'refs'), _loop_vars=_loop_vars))
                if (environment.getattr(l_2_c, 'rank') != 'normal'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(l_2_c, 'rank'))
                    yield ')'
                if environment.getattr(l_2_c, 'note'):
                    pass
                    yield ': '
                    yield escape(environment.getattr(l_2_c, 'note'))
                yield '</li>\n'
            l_2_c = missing
            yield '</ul>\n'
        if environment.getattr(l_1_ev, 'other_claims'):
            pass
            yield '<ul>\n'
            for l_2_c in environment.getattr(l_1_ev, 'other_claims'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(t_1(environment.getattr(l_2_c, 'about')))
                yield ': '
                yield escape(environment.getattr(l_2_c, 'label'))
                yield escape(context.call((undefined(name='noterefs') if l_0_noterefs is missing else l_0_noterefs), environment.getattr(l_2_c, 'refs'), _loop_vars=_loop_vars))
                if (environment.getattr(l_2_c, 'rank') != 'normal'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(l_2_c, 'rank'))
                    yield ')'
                if environment.getattr(l_2_c, 'note'):
                    pass
                    yield ': '
                    yield escape(environment.getattr(l_2_c, 'note'))
                yield '</li>\n'
            l_2_c = missing
            yield '</ul>\n'
        if environment.getattr(l_1_ev, 'media'):
            pass
            yield '<p>Picture: '
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
            if environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit'):
                pass
                yield ' (credit: '
                yield escape(environment.getattr(environment.getattr(l_1_ev, 'media'), 'credit'))
                yield ')'
            yield '</p>\n'
        if environment.getattr(l_1_ev, 'note'):
            pass
            yield escape(environment.getattr(l_1_ev, 'note'))
            yield '\n'
        yield '</li>\n'
    l_1_ev = missing
    yield '</ol>\n'
    if (undefined(name='eras') if l_0_eras is missing else l_0_eras):
        pass
        yield '<h3 id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-eras">Periods</h3>\n<ul>\n'
        for l_1_era in (undefined(name='eras') if l_0_eras is missing else l_0_eras):
            _loop_vars = {}
            pass
            yield '<li><strong>'
            yield escape(environment.getattr(l_1_era, 'label'))
            yield '</strong>, '
            yield escape(environment.getattr(l_1_era, 'date'))
            yield escape(context.call((undefined(name='noterefs') if l_0_noterefs is missing else l_0_noterefs), environment.getattr(l_1_era, 'refs'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_era, 'text'):
                pass
                yield ': '
                yield escape(environment.getattr(l_1_era, 'text'))
            yield '</li>\n'
        l_1_era = missing
        yield '</ul>\n'
    if (undefined(name='notes') if l_0_notes is missing else l_0_notes):
        pass
        yield '<h3 id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-notes">Notes</h3>\n<ol>\n'
        for l_1_n in (undefined(name='notes') if l_0_notes is missing else l_0_notes):
            _loop_vars = {}
            pass
            yield '<li id="'
            yield escape(environment.getattr(l_1_n, 'id'))
            yield '">'
            yield escape(environment.getattr(l_1_n, 'html'))
            if environment.getattr(l_1_n, 'quote'):
                pass
                yield ' <q>'
                yield escape(environment.getattr(l_1_n, 'quote'))
                yield '</q>'
            yield '</li>\n'
        l_1_n = missing
        yield '</ol>\n'
    if (undefined(name='bibliography') if l_0_bibliography is missing else l_0_bibliography):
        pass
        yield '<h3 id="'
        yield escape((undefined(name='p') if l_0_p is missing else l_0_p))
        yield '-bibliography">Sources</h3>\n'
        for l_1_group in (undefined(name='bibliography') if l_0_bibliography is missing else l_0_bibliography):
            _loop_vars = {}
            pass
            yield '<h4>'
            yield escape(environment.getattr(l_1_group, 'heading'))
            yield '</h4>\n<ul>\n'
            for l_2_entry in environment.getattr(l_1_group, 'entries'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_entry, 'html'))
                if environment.getattr(l_2_entry, 'reliability'):
                    pass
                    yield '<br><em>Reliability:</em> '
                    yield escape(environment.getattr(l_2_entry, 'reliability'))
                if environment.getattr(l_2_entry, 'note'):
                    pass
                    yield '<br>'
                    yield escape(environment.getattr(l_2_entry, 'note'))
                yield '</li>\n'
            l_2_entry = missing
            yield '</ul>\n'
        l_1_group = missing
    yield '</div>\n'

blocks = {}
debug_info = '4=28&5=31&6=36&8=67&9=71&10=75&11=78&13=80&15=82&18=90&20=92&21=96&22=98&23=111&24=115&25=117&27=119&28=122&30=124&31=128&35=142&37=145&38=149&42=165&43=168&45=184&46=186&51=191&52=194&54=196&55=200&59=211&60=214&62=216&63=220&67=231&68=234&69=236&70=240&72=242&73=246'
