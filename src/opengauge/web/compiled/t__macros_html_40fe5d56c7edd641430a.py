from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_level_cell = l_0_result = l_0_evidence = l_0_value = l_0_legend = l_0_lines_of = l_0_license_result = missing
    try:
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_2 = environment.filters['locator']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'locator' found.")
    try:
        t_3 = environment.filters['match_how']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'match_how' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_5 = environment.filters['restriction_value']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'restriction_value' found.")
    try:
        t_6 = environment.filters['safe_url']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'safe_url' found.")
    try:
        t_7 = environment.tests['iterable']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'iterable' found.")
    try:
        t_8 = environment.tests['mapping']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No test named 'mapping' found.")
    try:
        t_9 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    try:
        t_10 = environment.tests['sameas']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No test named 'sameas' found.")
    try:
        t_11 = environment.tests['string']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No test named 'string' found.")
    pass
    def macro(l_1_level, l_1_url, l_1_note, l_1_label, l_1_fallback):
        t_12 = []
        l_1_glyph = resolve('glyph')
        if l_1_level is missing:
            l_1_level = undefined("parameter 'level' was not provided", name='level')
        if l_1_url is missing:
            l_1_url = undefined("parameter 'url' was not provided", name='url')
        if l_1_note is missing:
            l_1_note = undefined("parameter 'note' was not provided", name='note')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_fallback is missing:
            l_1_fallback = undefined("parameter 'fallback' was not provided", name='fallback')
        pass
        t_12.extend((
            '<td class="l-',
            escape(environment.finalize(l_1_level)),
            '" data-level="',
            escape(environment.finalize(l_1_level)),
            '"><a href="',
            escape(environment.finalize((l_1_url or l_1_fallback))),
            '"',
        ))
        if l_1_url:
            pass
            t_12.append(
                ' rel="nofollow noopener noreferrer"',
            )
        t_12.extend((
            ' title="',
            escape(environment.finalize(l_1_label)),
            ': ',
            escape(environment.finalize(l_1_level)),
        ))
        if l_1_note:
            pass
            t_12.extend((
                ' — ',
                escape(environment.finalize(l_1_note)),
            ))
        t_12.extend((
            '"><span aria-hidden="true">',
            escape(environment.finalize(environment.getitem((undefined(name='glyph') if l_1_glyph is missing else l_1_glyph), l_1_level))),
            '</span> ',
            escape(environment.finalize(l_1_level)),
            '</a></td>\n',
        ))
        return concat(t_12)
    context.exported_vars.add('level_cell')
    context.vars['level_cell'] = l_0_level_cell = Macro(environment, macro, 'level_cell', ('level', 'url', 'note', 'label', 'fallback'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_res):
        t_13 = []
        if l_1_res is missing:
            l_1_res = undefined("parameter 'res' was not provided", name='res')
        pass
        if (not t_9(environment.getattr(l_1_res, 'bar'))):
            pass
            t_13.extend((
                '<span class="bar w',
                escape(environment.finalize(environment.getattr(l_1_res, 'bar'))),
                '" aria-hidden="true"></span> ',
            ))
        t_13.extend((
            '<span class="result-text">',
            escape(environment.finalize(environment.getattr(l_1_res, 'text'))),
            '</span>\n',
        ))
        return concat(t_13)
    context.exported_vars.add('result')
    context.vars['result'] = l_0_result = Macro(environment, macro, 'result', ('res',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_items):
        t_14 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        t_14.append(
            '<ul class="evidence">\n',
        )
        t_15 = 1
        for l_2_e in l_1_items:
            l_2_loc = l_2_url = l_2_where = missing
            _loop_vars = {}
            pass
            l_2_loc = (context.call(environment.getattr(l_2_e, 'get'), 'locator', _loop_vars=_loop_vars) or {})
            _loop_vars['loc'] = l_2_loc
            l_2_url = t_6(context.call(environment.getattr((undefined(name='loc') if l_2_loc is missing else l_2_loc), 'get'), 'url', _loop_vars=_loop_vars))
            _loop_vars['url'] = l_2_url
            t_14.append(
                '  <li>\n',
            )
            if (undefined(name='url') if l_2_url is missing else l_2_url):
                pass
                t_14.extend((
                    '<a href="',
                    escape(environment.finalize((undefined(name='url') if l_2_url is missing else l_2_url))),
                    '" rel="nofollow noopener noreferrer">',
                    escape(environment.finalize((undefined(name='url') if l_2_url is missing else l_2_url))),
                    '</a>',
                ))
            elif context.call(environment.getattr((undefined(name='loc') if l_2_loc is missing else l_2_loc), 'get'), 'url', _loop_vars=_loop_vars):
                pass
                t_14.extend((
                    '<span class="unsafe-url">',
                    escape(environment.finalize(context.call(environment.getattr((undefined(name='loc') if l_2_loc is missing else l_2_loc), 'get'), 'url', _loop_vars=_loop_vars))),
                    '</span> <span class="hint">(not a web link)</span>',
                ))
            l_2_where = t_2((undefined(name='loc') if l_2_loc is missing else l_2_loc))
            _loop_vars['where'] = l_2_where
            if (undefined(name='where') if l_2_where is missing else l_2_where):
                pass
                t_14.extend((
                    '<span class="where">',
                    escape(environment.finalize((context.call(environment.getattr(l_2_e, 'get'), 'source', _loop_vars=_loop_vars) or ''))),
                    ' ',
                    escape(environment.finalize((undefined(name='where') if l_2_where is missing else l_2_where))),
                    '</span>',
                ))
            if context.call(environment.getattr(l_2_e, 'get'), 'quote', _loop_vars=_loop_vars):
                pass
                t_14.extend((
                    '<blockquote>',
                    escape(environment.finalize(context.call(environment.getattr(l_2_e, 'get'), 'quote', _loop_vars=_loop_vars))),
                    '</blockquote>',
                ))
            if context.call(environment.getattr(l_2_e, 'get'), 'note', _loop_vars=_loop_vars):
                pass
                t_14.extend((
                    '<p class="note">',
                    escape(environment.finalize(context.call(environment.getattr(l_2_e, 'get'), 'note', _loop_vars=_loop_vars))),
                    '</p>',
                ))
            t_14.append(
                '  </li>\n',
            )
            t_15 = 0
        l_2_e = l_2_loc = l_2_url = l_2_where = missing
        if t_15:
            pass
            t_14.append(
                '  <li class="none">no evidence recorded</li>\n',
            )
        t_14.append(
            '</ul>\n',
        )
        return concat(t_14)
    context.exported_vars.add('evidence')
    context.vars['evidence'] = l_0_evidence = Macro(environment, macro, 'evidence', ('items',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_v, l_1_depth):
        t_16 = []
        l_1_url = resolve('url')
        if l_1_v is missing:
            l_1_v = undefined("parameter 'v' was not provided", name='v')
        if l_1_depth is missing:
            l_1_depth = 0
        pass
        if (l_1_depth > 4):
            pass
            t_16.extend((
                '<pre>',
                escape(environment.finalize(t_1(l_1_v))),
                '</pre>\n',
            ))
        elif t_8(l_1_v):
            pass
            t_16.append(
                '<dl class="kv">\n',
            )
            for (l_2_key, l_2_item) in context.call(environment.getattr(l_1_v, 'items')):
                _loop_vars = {}
                pass
                t_16.extend((
                    '  <dt>',
                    escape(environment.finalize(l_2_key)),
                    '</dt><dd>',
                    escape(environment.finalize(context.call((undefined(name='value') if l_0_value is missing else l_0_value), l_2_item, (l_1_depth + 1), _loop_vars=_loop_vars))),
                    '</dd>\n',
                ))
            l_2_key = l_2_item = missing
            t_16.append(
                '</dl>\n',
            )
        elif t_11(l_1_v):
            pass
            l_1_url = t_6(l_1_v)
            if (undefined(name='url') if l_1_url is missing else l_1_url):
                pass
                t_16.extend((
                    '<a href="',
                    escape(environment.finalize((undefined(name='url') if l_1_url is missing else l_1_url))),
                    '" rel="nofollow noopener noreferrer">',
                    escape(environment.finalize(l_1_v)),
                    '</a>',
                ))
            else:
                pass
                t_16.append(
                    escape(environment.finalize(l_1_v)),
                )
        elif t_9(l_1_v):
            pass
            t_16.append(
                '—\n',
            )
        elif t_10(l_1_v, True):
            pass
            t_16.append(
                'yes\n',
            )
        elif t_10(l_1_v, False):
            pass
            t_16.append(
                'no\n',
            )
        elif t_7(l_1_v):
            pass
            t_16.append(
                '<ul class="plain">',
            )
            t_17 = 1
            for l_2_item in l_1_v:
                _loop_vars = {}
                pass
                t_16.extend((
                    '<li>',
                    escape(environment.finalize(context.call((undefined(name='value') if l_0_value is missing else l_0_value), l_2_item, (l_1_depth + 1), _loop_vars=_loop_vars))),
                    '</li>',
                ))
                t_17 = 0
            l_2_item = missing
            if t_17:
                pass
                t_16.append(
                    '<li>none</li>',
                )
            t_16.append(
                '</ul>\n',
            )
        else:
            pass
            t_16.extend((
                escape(environment.finalize(t_4(l_1_v))),
                '\n',
            ))
        return concat(t_16)
    context.exported_vars.add('value')
    context.vars['value'] = l_0_value = Macro(environment, macro, 'value', ('v', 'depth'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro():
        t_18 = []
        l_1_glyph = resolve('glyph')
        pass
        t_18.extend((
            '<span class="legend"><span class="l-open">',
            escape(environment.finalize(environment.getattr((undefined(name='glyph') if l_1_glyph is missing else l_1_glyph), 'open'))),
            ' open</span> <span class="l-partial">',
            escape(environment.finalize(environment.getattr((undefined(name='glyph') if l_1_glyph is missing else l_1_glyph), 'partial'))),
            ' partial</span> <span class="l-closed">',
            escape(environment.finalize(environment.getattr((undefined(name='glyph') if l_1_glyph is missing else l_1_glyph), 'closed'))),
            ' closed</span> <span class="l-unknown">',
            escape(environment.finalize(environment.getattr((undefined(name='glyph') if l_1_glyph is missing else l_1_glyph), 'unknown'))),
            ' unknown</span></span>\n',
        ))
        return concat(t_18)
    context.exported_vars.add('legend')
    context.vars['legend'] = l_0_legend = Macro(environment, macro, 'legend', (), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_lines):
        t_19 = []
        if l_1_lines is missing:
            l_1_lines = undefined("parameter 'lines' was not provided", name='lines')
        pass
        if l_1_lines:
            pass
            if (environment.getitem(l_1_lines, 0) == environment.getitem(l_1_lines, 1)):
                pass
                t_19.extend((
                    'line ',
                    escape(environment.finalize(environment.getitem(l_1_lines, 0))),
                ))
            else:
                pass
                t_19.extend((
                    'lines ',
                    escape(environment.finalize(environment.getitem(l_1_lines, 0))),
                    '–',
                    escape(environment.finalize(environment.getitem(l_1_lines, 1))),
                ))
        return concat(t_19)
    context.exported_vars.add('lines_of')
    context.vars['lines_of'] = l_0_lines_of = Macro(environment, macro, 'lines_of', ('lines',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_r, l_1_level):
        t_20 = []
        l_1_osd_names = l_1_file = l_1_verdict = missing
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_level is missing:
            l_1_level = 4
        pass
        l_1_osd_names = {}
        for l_2_v in (context.call(environment.getattr(l_1_r, 'get'), 'osd_violations') or []):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='osd_names') if l_1_osd_names is missing else l_1_osd_names), 'update'), {context.call(environment.getattr(l_2_v, 'get'), 'osd', _loop_vars=_loop_vars): context.call(environment.getattr(l_2_v, 'get'), 'name', _loop_vars=_loop_vars)}, _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_v = l_2__ = missing
        l_1_file = (context.call(environment.getattr(l_1_r, 'get'), 'path') or context.call(environment.getattr(l_1_r, 'get'), 'id'))
        t_20.extend((
            '<article class="license-result">\n<h',
            escape(environment.finalize(l_1_level)),
            '>',
            escape(environment.finalize(((context.call(environment.getattr(l_1_r, 'get'), 'label') or (undefined(name='file') if l_1_file is missing else l_1_file)) or 'license'))),
        ))
        if context.call(environment.getattr(l_1_r, 'get'), 'kind'):
            pass
            t_20.extend((
                ' <span class="hint">(',
                escape(environment.finalize(environment.getattr(l_1_r, 'kind'))),
                ')</span>',
            ))
        t_20.extend((
            '</h',
            escape(environment.finalize(l_1_level)),
            '>\n',
        ))
        if (context.call(environment.getattr(l_1_r, 'get'), 'why') or context.call(environment.getattr(l_1_r, 'get'), 'source')):
            pass
            t_20.append(
                '<p class="hint">',
            )
            if context.call(environment.getattr(l_1_r, 'get'), 'source'):
                pass
                t_20.extend((
                    'from ',
                    escape(environment.finalize(environment.getattr(l_1_r, 'source'))),
                ))
                if (undefined(name='file') if l_1_file is missing else l_1_file):
                    pass
                    t_20.extend((
                        ' <code>',
                        escape(environment.finalize((undefined(name='file') if l_1_file is missing else l_1_file))),
                        '</code>',
                    ))
            if context.call(environment.getattr(l_1_r, 'get'), 'why'):
                pass
                t_20.extend((
                    escape(environment.finalize(('; ' if context.call(environment.getattr(l_1_r, 'get'), 'source') else cond_expr_undefined("the inline if-expression on line 60 in '_macros.html' evaluated to false and no else section was defined.")))),
                    'read because: ',
                    escape(environment.finalize(environment.getattr(l_1_r, 'why'))),
                ))
            t_20.append(
                '</p>',
            )
        if context.call(environment.getattr(l_1_r, 'get'), 'error'):
            pass
            t_20.extend((
                '<p class="note">Could not be read: ',
                escape(environment.finalize(environment.getattr(l_1_r, 'error'))),
                '</p>',
            ))
        if context.call(environment.getattr(l_1_r, 'get'), 'matches'):
            pass
            t_20.append(
                '<ul class="licenses">\n',
            )
            for l_2_mt in environment.getattr(l_1_r, 'matches'):
                _loop_vars = {}
                pass
                t_20.extend((
                    '  <li><strong>',
                    escape(environment.finalize(context.call(environment.getattr(l_2_mt, 'get'), 'name', _loop_vars=_loop_vars))),
                    '</strong>',
                ))
                if (not t_9(context.call(environment.getattr(l_2_mt, 'get'), 'members', _loop_vars=_loop_vars))):
                    pass
                    t_20.append(
                        ' (family; version unknown)',
                    )
                if context.call(environment.getattr(l_2_mt, 'get'), 'version', _loop_vars=_loop_vars):
                    pass
                    t_20.extend((
                        ', version ',
                        escape(environment.finalize(environment.getattr(l_2_mt, 'version'))),
                    ))
                if context.call(environment.getattr(l_2_mt, 'get'), 'spdx', _loop_vars=_loop_vars):
                    pass
                    t_20.extend((
                        ' <code>',
                        escape(environment.finalize(environment.getattr(l_2_mt, 'spdx'))),
                        '</code>',
                    ))
                if context.call(environment.getattr(l_2_mt, 'get'), 'owner', _loop_vars=_loop_vars):
                    pass
                    t_20.extend((
                        ' by ',
                        escape(environment.finalize(environment.getattr(l_2_mt, 'owner'))),
                    ))
                if (context.call(environment.getattr(l_2_mt, 'get'), 'kind', _loop_vars=_loop_vars) and (environment.getattr(l_2_mt, 'kind') != 'license')):
                    pass
                    t_20.extend((
                        ' (',
                        escape(environment.finalize(environment.getattr(l_2_mt, 'kind'))),
                        ')',
                    ))
                t_20.extend((
                    ' — ',
                    escape(environment.finalize(t_3(l_2_mt))),
                ))
                if t_10(context.call(environment.getattr(l_2_mt, 'get'), 'osi_approved', _loop_vars=_loop_vars), True):
                    pass
                    t_20.append(
                        '; OSI approved',
                    )
                elif t_10(context.call(environment.getattr(l_2_mt, 'get'), 'osi_approved', _loop_vars=_loop_vars), False):
                    pass
                    t_20.append(
                        '; not OSI approved',
                    )
                t_20.append(
                    '</li>\n',
                )
            l_2_mt = missing
            t_20.append(
                '</ul>\n',
            )
        else:
            pass
            t_20.append(
                '<p>No license identified',
            )
            if context.call(environment.getattr(l_1_r, 'get'), 'note'):
                pass
                t_20.extend((
                    ': ',
                    escape(environment.finalize(environment.getattr(l_1_r, 'note'))),
                ))
            t_20.append(
                '.</p>\n',
            )
        l_1_verdict = context.call(environment.getattr(l_1_r, 'get'), 'open_source')
        t_20.append(
            '<p class="verdict">Open source: <strong>',
        )
        if t_10((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), True):
            pass
            t_20.append(
                'yes',
            )
        elif t_10((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), False):
            pass
            t_20.append(
                'no',
            )
        else:
            pass
            t_20.append(
                'unknown',
            )
        t_20.append(
            '</strong>',
        )
        if t_10((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), True):
            pass
            t_20.extend((
                ' — ',
                escape(environment.finalize(('every license is OSI approved' if (context.call(environment.getattr(l_1_r, 'get'), 'basis') == 'osi-approved') else 'grants use, modification and redistribution; no clause conflicts with the Open Source Definition'))),
                '.',
            ))
        elif (t_10((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), False) and context.call(environment.getattr(l_1_r, 'get'), 'osd_violations')):
            pass
            t_20.append(
                ' — conflicts with the Open Source Definition:',
            )
        elif (context.call(environment.getattr(l_1_r, 'get'), 'matches') and context.call(environment.getattr(l_1_r, 'get'), 'note')):
            pass
            t_20.extend((
                ' — ',
                escape(environment.finalize(environment.getattr(l_1_r, 'note'))),
                '.',
            ))
        t_20.append(
            '</p>\n',
        )
        if (t_10((undefined(name='verdict') if l_1_verdict is missing else l_1_verdict), False) and context.call(environment.getattr(l_1_r, 'get'), 'osd_violations')):
            pass
            t_20.append(
                '<ul class="osd">\n',
            )
            l_2_loop = missing
            for l_2_v, l_2_loop in LoopContext(environment.getattr(l_1_r, 'osd_violations'), undefined):
                _loop_vars = {}
                pass
                t_20.extend((
                    '  <li>OSD ',
                    escape(environment.finalize(context.call(environment.getattr(l_2_v, 'get'), 'osd', _loop_vars=_loop_vars))),
                    ' (',
                    escape(environment.finalize(context.call(environment.getattr(l_2_v, 'get'), 'name', _loop_vars=_loop_vars))),
                    '): ',
                ))
                l_3_loop = missing
                for l_3_f, l_3_loop in LoopContext((context.call(environment.getattr(l_2_v, 'get'), 'findings', _loop_vars=_loop_vars) or []), undefined):
                    _loop_vars = {}
                    pass
                    t_20.append(
                        escape(environment.finalize(context.call(environment.getattr(l_3_f, 'get'), 'kind', _loop_vars=_loop_vars))),
                    )
                    if context.call(environment.getattr(l_3_f, 'get'), 'lines', _loop_vars=_loop_vars):
                        pass
                        t_20.extend((
                            ' at ',
                            escape(environment.finalize(context.call((undefined(name='lines_of') if l_0_lines_of is missing else l_0_lines_of), environment.getattr(l_3_f, 'lines'), _loop_vars=_loop_vars))),
                        ))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        t_20.append(
                            '; ',
                        )
                l_3_loop = l_3_f = missing
                t_20.append(
                    '</li>\n',
                )
            l_2_loop = l_2_v = missing
            t_20.append(
                '</ul>\n',
            )
        if context.call(environment.getattr(l_1_r, 'get'), 'restrictions'):
            pass
            t_20.extend((
                '<h',
                escape(environment.finalize((l_1_level + 1))),
                '>Restrictions in ',
                escape(environment.finalize(((context.call(environment.getattr(l_1_r, 'get'), 'label') or (undefined(name='file') if l_1_file is missing else l_1_file)) or 'this license'))),
                '</h',
                escape(environment.finalize((l_1_level + 1))),
                '>\n<ol class="restrictions">\n',
            ))
            l_2_loop = missing
            for l_2_x, l_2_loop in LoopContext(environment.getattr(l_1_r, 'restrictions'), undefined):
                _loop_vars = {}
                pass
                t_20.extend((
                    '  <li><strong>',
                    escape(environment.finalize(context.call(environment.getattr(l_2_x, 'get'), 'kind', _loop_vars=_loop_vars))),
                    '</strong>',
                ))
                if context.call(environment.getattr(l_2_x, 'get'), 'value', _loop_vars=_loop_vars):
                    pass
                    t_20.extend((
                        ' (',
                        escape(environment.finalize(t_5(environment.getattr(l_2_x, 'value')))),
                        ')',
                    ))
                if context.call(environment.getattr(l_2_x, 'get'), 'quote', _loop_vars=_loop_vars):
                    pass
                    t_20.extend((
                        '<blockquote>',
                        escape(environment.finalize(environment.getattr(l_2_x, 'quote'))),
                        '</blockquote>',
                    ))
                t_20.append(
                    '    <p class="where">',
                )
                if (undefined(name='file') if l_1_file is missing else l_1_file):
                    pass
                    t_20.extend((
                        '<code>',
                        escape(environment.finalize((undefined(name='file') if l_1_file is missing else l_1_file))),
                        '</code>, ',
                    ))
                t_20.extend((
                    escape(environment.finalize((context.call((undefined(name='lines_of') if l_0_lines_of is missing else l_0_lines_of), context.call(environment.getattr(l_2_x, 'get'), 'lines', _loop_vars=_loop_vars), _loop_vars=_loop_vars) or 'lines unknown'))),
                    ' · ',
                ))
                l_3_loop = missing
                t_21 = 1
                for l_3_n, l_3_loop in LoopContext((context.call(environment.getattr(l_2_x, 'get'), 'osd', _loop_vars=_loop_vars) or []), undefined):
                    _loop_vars = {}
                    pass
                    if environment.getattr(l_3_loop, 'first'):
                        pass
                        t_20.append(
                            'conflicts with ',
                        )
                    t_20.extend((
                        'OSD ',
                        escape(environment.finalize(l_3_n)),
                    ))
                    if context.call(environment.getattr((undefined(name='osd_names') if l_1_osd_names is missing else l_1_osd_names), 'get'), l_3_n, _loop_vars=_loop_vars):
                        pass
                        t_20.extend((
                            ' (',
                            escape(environment.finalize(environment.getitem((undefined(name='osd_names') if l_1_osd_names is missing else l_1_osd_names), l_3_n))),
                            ')',
                        ))
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        t_20.append(
                            ', ',
                        )
                    t_21 = 0
                l_3_loop = l_3_n = missing
                if t_21:
                    pass
                    t_20.append(
                        'no Open Source Definition conflict on its own',
                    )
                t_20.append(
                    '</p>\n  </li>\n',
                )
            l_2_loop = l_2_x = missing
            t_20.append(
                '</ol>\n',
            )
        if context.call(environment.getattr(l_1_r, 'get'), 'warnings'):
            pass
            t_20.append(
                '<ul class="plain warnings">',
            )
            for l_2_w in environment.getattr(l_1_r, 'warnings'):
                _loop_vars = {}
                pass
                t_20.extend((
                    '<li>',
                    escape(environment.finalize(l_2_w)),
                    '</li>',
                ))
            l_2_w = missing
            t_20.append(
                '</ul>',
            )
        t_20.append(
            '</article>\n',
        )
        return concat(t_20)
    context.exported_vars.add('license_result')
    context.vars['license_result'] = l_0_license_result = Macro(environment, macro, 'license_result', ('r', 'level'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '1=78&2=94&5=129&6=134&9=150&11=159&12=163&13=165&15=170&16=186&17=188&18=197&19=204&27=228&28=236&29=243&31=248&32=253&35=262&36=264&37=279&38=284&39=289&40=294&41=300&42=321&46=328&47=334&50=347&52=372&55=380&56=381&57=388&59=391&60=407&61=435&62=442&64=447&65=452&69=512&71=521&72=525&73=565&75=571&76=576&80=607&81=611&83=619&84=624&85=634&86=644&91=695'
# Generated from opengauge/web/templates/_macros.html by `python -m opengauge.web.precompile`.
