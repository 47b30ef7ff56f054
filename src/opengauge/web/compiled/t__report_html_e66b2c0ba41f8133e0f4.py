from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_report.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_record = resolve('record')
    l_0_by_framework = resolve('by_framework')
    l_0_glyph = resolve('glyph')
    l_0_m = resolve('m')
    l_0_analysis = resolve('analysis')
    l_0_extra = resolve('extra')
    l_0_snapshots = resolve('snapshots')
    l_0_subject = l_0_home = l_0_summary = l_0_lic = l_0_declared = l_0_mot = l_0_other_license = l_0_prov = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    try:
        t_5 = environment.filters['percent']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'percent' found.")
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
    l_0_subject = environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'subject')
    context.vars['subject'] = l_0_subject
    context.exported_vars.add('subject')
    yield '<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))
    yield '</h1>\n<p class="lede">\n'
    if context.call(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'get'), 'org'):
        pass
        yield escape(environment.finalize(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'org')))
    else:
        pass
        yield 'organisation unknown'
    if context.call(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'get'), 'type'):
        pass
        yield ' · '
        yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'type'), ', ')))
    if context.call(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'get'), 'release_date'):
        pass
        yield ' · released '
        yield escape(environment.finalize(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'release_date')))
    l_0_home = t_6(context.call(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'get'), 'link'))
    context.vars['home'] = l_0_home
    context.exported_vars.add('home')
    if (undefined(name='home') if l_0_home is missing else l_0_home):
        pass
        yield ' · <a href="'
        yield escape(environment.finalize((undefined(name='home') if l_0_home is missing else l_0_home)))
        yield '" rel="nofollow noopener noreferrer">model home</a>'
    yield '  · id <code>'
    yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id')))
    yield '</code>\n</p>\n'
    l_0_summary = (context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'summary') or {})
    context.vars['summary'] = l_0_summary
    context.exported_vars.add('summary')
    if (undefined(name='summary') if l_0_summary is missing else l_0_summary):
        pass
        yield '<p class="headline">Weights: <strong>'
        yield escape(environment.finalize((context.call(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'get'), 'weights') or 'unknown')))
        yield '</strong>'
        if context.call(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'get'), 'weights_text'):
            pass
            yield ' <span class="hint">('
            yield escape(environment.finalize(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'weights_text')))
            yield ')</span>'
        yield '.\n  Open source: <strong>'
        if t_10(context.call(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'get'), 'open_source'), True):
            pass
            yield 'yes'
        elif t_10(context.call(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'get'), 'open_source'), False):
            pass
            yield 'no'
        else:
            pass
            yield 'unknown'
        yield '</strong>'
        if context.call(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'get'), 'basis'):
            pass
            yield ' <span class="hint">(from '
            yield escape(environment.finalize(environment.getattr((undefined(name='summary') if l_0_summary is missing else l_0_summary), 'basis')))
            yield ')</span>'
        yield '.</p>\n'
    if context.call(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'get'), 'notes'):
        pass
        yield '<p>'
        yield escape(environment.finalize(environment.getattr((undefined(name='subject') if l_0_subject is missing else l_0_subject), 'notes')))
        yield '</p>'
    yield '\n<section aria-labelledby="h-overview">\n<h2 id="h-overview">Every framework side by side</h2>\n<table class="overview">\n  <caption>'
    yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))
    yield ' under each framework (curated records from the catalog; automatic assessments where available).</caption>\n  <thead><tr><th scope="col">Framework</th><th scope="col">Result</th><th scope="col">Rank</th><th scope="col">Coverage</th><th scope="col">Provenance</th><th scope="col">Record</th></tr></thead>\n  <tbody>\n'
    for l_1_item in (undefined(name='by_framework') if l_0_by_framework is missing else l_0_by_framework):
        l_1_f = missing
        _loop_vars = {}
        pass
        l_1_f = environment.getattr(l_1_item, 'framework')
        _loop_vars['f'] = l_1_f
        t_12 = 1
        for l_2_a in environment.getattr(l_1_item, 'assessments'):
            _loop_vars = {}
            pass
            yield '    <tr>\n      <th scope="row"><a href="#fw-'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
            yield '">'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'name')))
            yield '</a></th>\n      <td class="result">'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'result'), environment.getattr(l_2_a, 'result'), _loop_vars=_loop_vars)))
            yield '</td>\n      <td>'
            yield escape(environment.finalize(context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'rank', _loop_vars=_loop_vars)))
            yield ' of '
            yield escape(environment.finalize(context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'of', _loop_vars=_loop_vars)))
            yield '</td>\n      <td>'
            yield escape(environment.finalize(t_5(context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'coverage', _loop_vars=_loop_vars))))
            yield '</td>\n      <td><span class="prov prov-'
            yield escape(environment.finalize(context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'provenance', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'provenance', _loop_vars=_loop_vars)))
            yield '</span></td>\n      <td>'
            if context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'release', _loop_vars=_loop_vars):
                pass
                yield 'rates '
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_a, 'record'), 'release')))
                yield ': '
            yield escape(environment.finalize((context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'source', _loop_vars=_loop_vars) or '')))
            yield ' '
            yield escape(environment.finalize((context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'source_file', _loop_vars=_loop_vars) or '')))
            if context.call(environment.getattr(environment.getattr(l_2_a, 'record'), 'get'), 'layer', _loop_vars=_loop_vars):
                pass
                yield ' ('
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_a, 'record'), 'layer')))
                yield ')'
            yield '</td>\n    </tr>\n'
            t_12 = 0
        l_2_a = missing
        if t_12:
            pass
            yield '    <tr class="missing"><th scope="row">'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'name')))
            yield '</th><td colspan="5">no record in this framework</td></tr>\n'
    l_1_item = l_1_f = missing
    yield '  </tbody>\n</table>\n</section>\n\n'
    l_0_lic = (context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'license') or {})
    context.vars['lic'] = l_0_lic
    context.exported_vars.add('lic')
    yield '<section aria-labelledby="h-license">\n<h2 id="h-license">License</h2>\n<dl class="kv">\n'
    l_0_declared = ('open_source' in (undefined(name='lic') if l_0_lic is missing else l_0_lic))
    context.vars['declared'] = l_0_declared
    context.exported_vars.add('declared')
    yield '  <dt>License ('
    yield escape(environment.finalize(('as declared in the repository' if (undefined(name='declared') if l_0_declared is missing else l_0_declared) else 'as curated')))
    yield ')</dt><dd>'
    yield escape(environment.finalize((context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'name') or 'unknown')))
    yield '</dd>\n'
    if (undefined(name='declared') if l_0_declared is missing else l_0_declared):
        pass
        yield '<dt>Open source (license analyzer)</dt><dd>'
        if t_10(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'open_source'), True):
            pass
            yield 'yes'
        elif t_10(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'open_source'), False):
            pass
            yield 'no'
        else:
            pass
            yield 'unknown'
        yield '</dd>'
    if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'rating'):
        pass
        yield '<dt>'
        yield escape(environment.finalize(('License rating (automatic)' if (undefined(name='declared') if l_0_declared is missing else l_0_declared) else 'Curated license rating')))
        yield '</dt><dd><span class="l-'
        yield escape(environment.finalize(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'rating')))
        yield ' tag">'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='glyph') if l_0_glyph is missing else l_0_glyph), 'get'), environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'rating'), '?')))
        yield ' '
        yield escape(environment.finalize(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'rating')))
        yield '</span>'
        if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'framework'):
            pass
            yield ' <span class="hint">('
            yield escape(environment.finalize(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'framework')))
            yield ')</span>'
        yield '</dd>'
    yield '</dl>\n'
    if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'evidence'):
        pass
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'evidence'), environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'evidence'))))
    if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'analysis'):
        pass
        yield '<h3>License analysis</h3>\n'
        l_0_analysis = environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'analysis')
        context.vars['analysis'] = l_0_analysis
        context.exported_vars.add('analysis')
        if ((t_8((undefined(name='analysis') if l_0_analysis is missing else l_0_analysis)) and t_7(context.call(environment.getattr((undefined(name='analysis') if l_0_analysis is missing else l_0_analysis), 'get'), 'results'))) and (not t_11(context.call(environment.getattr((undefined(name='analysis') if l_0_analysis is missing else l_0_analysis), 'get'), 'results')))):
            pass
            for l_1_r in environment.getattr((undefined(name='analysis') if l_0_analysis is missing else l_0_analysis), 'results'):
                _loop_vars = {}
                pass
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'license_result'), l_1_r, _loop_vars=_loop_vars)))
            l_1_r = missing
        elif (t_8((undefined(name='analysis') if l_0_analysis is missing else l_0_analysis)) and (('matches' in (undefined(name='analysis') if l_0_analysis is missing else l_0_analysis)) or ('restrictions' in (undefined(name='analysis') if l_0_analysis is missing else l_0_analysis)))):
            pass
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'license_result'), (undefined(name='analysis') if l_0_analysis is missing else l_0_analysis))))
            yield '\n'
        else:
            pass
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), (undefined(name='analysis') if l_0_analysis is missing else l_0_analysis))))
    if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'texts'):
        pass
        yield '<h3>License texts</h3>\n<p class="hint">The license texts and use policies these terms rest on, read clause by clause by the license analyzer.</p>\n'
        for l_1_r in environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'texts'):
            _loop_vars = {}
            pass
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'license_result'), l_1_r, _loop_vars=_loop_vars)))
        l_1_r = missing
    if context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'text_notes'):
        pass
        yield '<ul class="plain notes">'
        for l_1_note in environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'text_notes'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(environment.finalize(l_1_note))
            yield '</li>'
        l_1_note = missing
        yield '</ul>'
    l_0_mot = (context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'get'), 'mot') or {})
    context.vars['mot'] = l_0_mot
    context.exported_vars.add('mot')
    if context.call(environment.getattr((undefined(name='mot') if l_0_mot is missing else l_0_mot), 'get'), 'readings'):
        pass
        yield '<h3>License strings of the Model Openness Tool record</h3>\n<table class="readings">\n  <caption>The license strings of '
        yield escape(environment.finalize((context.call(environment.getattr((undefined(name='mot') if l_0_mot is missing else l_0_mot), 'get'), 'release') or 'the MOT record')))
        yield ': the MOF reads them literally (as the MOT does); the license analyzer\'s reading is shown beside it and never changes the class.</caption>\n  <thead><tr><th scope="col">License string</th><th scope="col">MOF (literal)</th><th scope="col">License analyzer (automatic)</th></tr></thead>\n  <tbody>\n'
        l_1_loop = missing
        for (l_1_text, l_1_reading), l_1_loop in LoopContext(context.call(environment.getattr(environment.getattr((undefined(name='mot') if l_0_mot is missing else l_0_mot), 'readings'), 'items')), undefined):
            l_1_norm = missing
            _loop_vars = {}
            pass
            l_1_norm = context.call(environment.getattr(l_1_reading, 'get'), 'normalized', _loop_vars=_loop_vars)
            _loop_vars['norm'] = l_1_norm
            yield '    <tr>\n      <th scope="row"><code>'
            yield escape(environment.finalize(l_1_text))
            yield '</code></th>\n      <td>'
            yield escape(environment.finalize(('open' if context.call(environment.getattr(l_1_reading, 'get'), 'open', _loop_vars=_loop_vars) else 'not open')))
            yield ' — '
            yield escape(environment.finalize((context.call(environment.getattr(l_1_reading, 'get'), 'basis', _loop_vars=_loop_vars) or '')))
            yield '</td>\n      <td>'
            if (undefined(name='norm') if l_1_norm is missing else l_1_norm):
                pass
                l_2_loop = missing
                t_13 = 1
                for l_2_x, l_2_loop in LoopContext((context.call(environment.getattr((undefined(name='norm') if l_1_norm is missing else l_1_norm), 'get'), 'licenses', _loop_vars=_loop_vars) or []), undefined):
                    _loop_vars = {}
                    pass
                    yield escape(environment.finalize(context.call(environment.getattr(l_2_x, 'get'), 'name', _loop_vars=_loop_vars)))
                    if context.call(environment.getattr(l_2_x, 'get'), 'spdx', _loop_vars=_loop_vars):
                        pass
                        yield ' <code>'
                        yield escape(environment.finalize(environment.getattr(l_2_x, 'spdx')))
                        yield '</code>'
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ', '
                    t_13 = 0
                l_2_loop = l_2_x = missing
                if t_13:
                    pass
                    yield escape(environment.finalize((context.call(environment.getattr((undefined(name='norm') if l_1_norm is missing else l_1_norm), 'get'), 'note') or 'not recognized')))
                yield ' — open source: '
                if t_10(context.call(environment.getattr((undefined(name='norm') if l_1_norm is missing else l_1_norm), 'get'), 'open_source', _loop_vars=_loop_vars), True):
                    pass
                    yield 'yes'
                elif t_10(context.call(environment.getattr((undefined(name='norm') if l_1_norm is missing else l_1_norm), 'get'), 'open_source', _loop_vars=_loop_vars), False):
                    pass
                    yield 'no'
                else:
                    pass
                    yield 'unknown'
            else:
                pass
                yield 'not read'
            yield '</td>\n    </tr>\n'
        l_1_loop = l_1_text = l_1_reading = l_1_norm = missing
        yield '  </tbody>\n</table>\n'
    l_0_other_license = {}
    context.vars['other_license'] = l_0_other_license
    context.exported_vars.add('other_license')
    def t_14(fiter):
        for (l_1_key, l_1_item) in fiter:
            if ((l_1_key not in ('name', 'rating', 'framework', 'evidence', 'analysis', 'open_source', 'texts', 'text_notes', 'mot')) and l_1_item):
                yield (l_1_key, l_1_item)
    for (l_1_key, l_1_item) in t_14(context.call(environment.getattr((undefined(name='lic') if l_0_lic is missing else l_0_lic), 'items'))):
        l_1__ = missing
        _loop_vars = {}
        pass
        l_1__ = context.call(environment.getattr((undefined(name='other_license') if l_0_other_license is missing else l_0_other_license), 'update'), {l_1_key: l_1_item}, _loop_vars=_loop_vars)
        _loop_vars['_'] = l_1__
    l_1_key = l_1_item = l_1__ = missing
    if (undefined(name='other_license') if l_0_other_license is missing else l_0_other_license):
        pass
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), (undefined(name='other_license') if l_0_other_license is missing else l_0_other_license))))
    yield '</section>\n\n'
    if context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'findings'):
        pass
        yield '<section aria-labelledby="h-findings">\n<h2 id="h-findings">Findings</h2>\n<ul class="findings">\n'
        for l_1_finding in environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'findings'):
            l_1_rest = resolve('rest')
            _loop_vars = {}
            pass
            yield '  <li class="finding">\n'
            if t_8(l_1_finding):
                pass
                yield '    <strong>'
                yield escape(environment.finalize(((context.call(environment.getattr(l_1_finding, 'get'), 'kind', _loop_vars=_loop_vars) or context.call(environment.getattr(l_1_finding, 'get'), 'id', _loop_vars=_loop_vars)) or 'finding')))
                yield '</strong>\n'
                if (context.call(environment.getattr(l_1_finding, 'get'), 'severity', _loop_vars=_loop_vars) or context.call(environment.getattr(l_1_finding, 'get'), 'level', _loop_vars=_loop_vars)):
                    pass
                    yield '<span class="tag">'
                    yield escape(environment.finalize((context.call(environment.getattr(l_1_finding, 'get'), 'severity', _loop_vars=_loop_vars) or context.call(environment.getattr(l_1_finding, 'get'), 'level', _loop_vars=_loop_vars))))
                    yield '</span>'
                if context.call(environment.getattr(l_1_finding, 'get'), 'message', _loop_vars=_loop_vars):
                    pass
                    yield '<p>'
                    yield escape(environment.finalize(environment.getattr(l_1_finding, 'message')))
                    yield '</p>'
                if context.call(environment.getattr(l_1_finding, 'get'), 'quote', _loop_vars=_loop_vars):
                    pass
                    yield '<blockquote>'
                    yield escape(environment.finalize(environment.getattr(l_1_finding, 'quote')))
                    yield '</blockquote>'
                if (t_7(context.call(environment.getattr(l_1_finding, 'get'), 'evidence', _loop_vars=_loop_vars)) and (not t_11(context.call(environment.getattr(l_1_finding, 'get'), 'evidence', _loop_vars=_loop_vars)))):
                    pass
                    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'evidence'), environment.getattr(l_1_finding, 'evidence'), _loop_vars=_loop_vars)))
                l_1_rest = {}
                _loop_vars['rest'] = l_1_rest
                def t_15(fiter):
                    for (l_2_key, l_2_item) in fiter:
                        if (l_2_key not in ('kind', 'id', 'severity', 'level', 'message', 'quote', 'evidence')):
                            yield (l_2_key, l_2_item)
                for (l_2_key, l_2_item) in t_15(context.call(environment.getattr(l_1_finding, 'items'), _loop_vars=_loop_vars)):
                    l_2__ = missing
                    _loop_vars = {}
                    pass
                    l_2__ = context.call(environment.getattr((undefined(name='rest') if l_1_rest is missing else l_1_rest), 'update'), {l_2_key: l_2_item}, _loop_vars=_loop_vars)
                    _loop_vars['_'] = l_2__
                l_2_key = l_2_item = l_2__ = missing
                if (undefined(name='rest') if l_1_rest is missing else l_1_rest):
                    pass
                    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), (undefined(name='rest') if l_1_rest is missing else l_1_rest), _loop_vars=_loop_vars)))
            else:
                pass
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), l_1_finding, _loop_vars=_loop_vars)))
            yield '  </li>\n'
        l_1_finding = l_1_rest = missing
        yield '</ul>\n</section>\n'
    yield '\n'
    if context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'developer_transparency'):
        pass
        yield '<section aria-labelledby="h-fmti">\n<h2 id="h-fmti">Developer transparency</h2>\n'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'developer_transparency'))))
        yield '\n</section>\n'
    yield '\n'
    def t_16(fiter):
        for l_1_item in fiter:
            if environment.getattr(l_1_item, 'assessments'):
                yield l_1_item
    l_1_loop = missing
    for l_1_item, l_1_loop in LoopContext(t_16((undefined(name='by_framework') if l_0_by_framework is missing else l_0_by_framework)), undefined):
        l_1_links = resolve('links')
        l_1_f = missing
        _loop_vars = {}
        pass
        l_1_f = environment.getattr(l_1_item, 'framework')
        _loop_vars['f'] = l_1_f
        yield '<section id="fw-'
        yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
        yield '" aria-labelledby="h-fw-'
        yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
        yield '">\n<h2 id="h-fw-'
        yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
        yield '">'
        yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'name')))
        yield '</h2>\n<p><a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_1_links is missing else l_1_links), 'framework'), environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id'), _loop_vars=_loop_vars)))
        yield '">criteria</a> · <a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_1_links is missing else l_1_links), 'leaderboard'), environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id'), _loop_vars=_loop_vars)))
        yield '">leaderboard</a></p>\n'
        l_2_loop = missing
        for l_2_a, l_2_loop in LoopContext(environment.getattr(l_1_item, 'assessments'), undefined):
            l_2_rec = l_2_suffix = missing
            _loop_vars = {}
            pass
            l_2_rec = environment.getattr(l_2_a, 'record')
            _loop_vars['rec'] = l_2_rec
            l_2_suffix = ('' if environment.getattr(l_2_loop, 'first') else markup_join(('-', context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'provenance', _loop_vars=_loop_vars), )))
            _loop_vars['suffix'] = l_2_suffix
            if (t_3(environment.getattr(l_1_item, 'assessments')) > 1):
                pass
                yield '<h3>'
                yield escape(environment.finalize(t_1(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'provenance', _loop_vars=_loop_vars))))
                yield ' assessment</h3>'
            yield '  <p class="result-line">'
            yield escape(environment.finalize(t_1(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'kind'))))
            yield ': '
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'result'), environment.getattr(l_2_a, 'result'), _loop_vars=_loop_vars)))
            yield ' · rank '
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'rank', _loop_vars=_loop_vars)))
            yield ' of '
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'of', _loop_vars=_loop_vars)))
            if (not t_9(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'coverage', _loop_vars=_loop_vars))):
                pass
                yield ' · coverage '
                yield escape(environment.finalize(t_5(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'coverage'))))
            yield ' · <span class="prov prov-'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'provenance', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'provenance', _loop_vars=_loop_vars)))
            yield '</span></p>\n'
            if environment.getattr(l_2_a, 'groups'):
                pass
                yield '<p class="groups">'
                l_3_loop = missing
                for (l_3_name, l_3_score), l_3_loop in LoopContext(environment.getattr(l_2_a, 'groups'), undefined):
                    _loop_vars = {}
                    pass
                    yield '<span>'
                    yield escape(environment.finalize(l_3_name))
                    yield ': '
                    yield escape(environment.finalize(t_4(l_3_score)))
                    yield '</span>'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield ' · '
                l_3_loop = l_3_name = l_3_score = missing
                yield '</p>'
            if context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'progress', _loop_vars=_loop_vars):
                pass
                yield '<h4>Progress by class</h4>'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'progress'), _loop_vars=_loop_vars)))
            if context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'blockers', _loop_vars=_loop_vars):
                pass
                yield '<h4>What stands in the way</h4>'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'blockers'), _loop_vars=_loop_vars)))
            if context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'reasons', _loop_vars=_loop_vars):
                pass
                yield '<h4>Reasons</h4>'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'reasons'), _loop_vars=_loop_vars)))
            if context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'warnings', _loop_vars=_loop_vars):
                pass
                yield '<h4>Warnings</h4>'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'warnings'), _loop_vars=_loop_vars)))
            yield '  <table class="ratings">\n    <caption>'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'name')))
            yield ': each rating of '
            yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))
            yield ' with its evidence'
            if (t_3(environment.getattr(l_1_item, 'assessments')) > 1):
                pass
                yield ' ('
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'get'), 'provenance', _loop_vars=_loop_vars)))
                yield ')'
            yield '</caption>\n    <thead><tr><th scope="col">Criterion</th><th scope="col">Level</th><th scope="col">Evidence</th><th scope="col">Confidence</th></tr></thead>\n    <tbody>\n'
            for l_3_r in environment.getattr(l_2_a, 'ratings'):
                _loop_vars = {}
                pass
                yield '      <tr id="'
                yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
                yield '-'
                yield escape(environment.finalize(environment.getattr(l_3_r, 'ref')))
                yield escape(environment.finalize((undefined(name='suffix') if l_2_suffix is missing else l_2_suffix)))
                yield '">\n        <th scope="row"'
                if environment.getattr(l_3_r, 'question'):
                    pass
                    yield ' title="'
                    yield escape(environment.finalize(environment.getattr(l_3_r, 'question')))
                    yield '"'
                yield '>'
                yield escape(environment.finalize(environment.getattr(l_3_r, 'name')))
                yield '</th>\n        <td class="l-'
                yield escape(environment.finalize(environment.getattr(l_3_r, 'level')))
                yield '"><span aria-hidden="true">'
                yield escape(environment.finalize(environment.getitem((undefined(name='glyph') if l_0_glyph is missing else l_0_glyph), environment.getattr(l_3_r, 'level'))))
                yield '</span> '
                yield escape(environment.finalize(environment.getattr(l_3_r, 'level')))
                yield '</td>\n        <td>'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'evidence'), environment.getattr(l_3_r, 'evidence'), _loop_vars=_loop_vars)))
                yield '</td>\n        <td>'
                yield escape(environment.finalize((environment.getattr(l_3_r, 'confidence') or '—')))
                yield '</td>\n      </tr>\n'
            l_3_r = missing
            yield '    </tbody>\n  </table>\n'
        l_2_loop = l_2_a = l_2_rec = l_2_suffix = missing
        yield '</section>\n'
    l_1_loop = l_1_item = l_1_f = l_1_links = missing
    yield '\n'
    if (undefined(name='extra') if l_0_extra is missing else l_0_extra):
        pass
        yield '<section aria-labelledby="h-extra">\n<h2 id="h-extra">More about this model</h2>\n'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), (undefined(name='extra') if l_0_extra is missing else l_0_extra))))
        yield '\n</section>\n'
    yield '\n<section aria-labelledby="h-provenance">\n<h2 id="h-provenance">Provenance</h2>\n'
    l_0_prov = (context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'provenance') or {})
    context.vars['prov'] = l_0_prov
    context.exported_vars.add('prov')
    if context.call(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'get'), 'revision'):
        pass
        yield '<p>Assessed revision: <code>'
        yield escape(environment.finalize(environment.getattr((undefined(name='prov') if l_0_prov is missing else l_0_prov), 'revision')))
        yield '</code></p>'
    yield '<p>Data this page shows:</p>\n<ul class="snapshots">\n'
    for l_1_s in (undefined(name='snapshots') if l_0_snapshots is missing else l_0_snapshots):
        _loop_vars = {}
        pass
        yield '  <li><span class="source">'
        yield escape(environment.finalize(environment.getattr(l_1_s, 'source')))
        yield '</span>: '
        if environment.getattr(l_1_s, 'link'):
            pass
            yield '<a href="'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'link')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'snapshot')))
            yield '</a>'
        else:
            pass
            yield escape(environment.finalize((environment.getattr(l_1_s, 'snapshot') or 'no snapshot')))
        yield ', '
        yield escape(environment.finalize((environment.getattr(l_1_s, 'date') or 'undated')))
        yield ' ('
        yield escape(environment.finalize(environment.getattr(l_1_s, 'layer')))
        yield ')</li>\n'
    l_1_s = missing
    yield '</ul>\n<details><summary>Full provenance record</summary>'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), (undefined(name='prov') if l_0_prov is missing else l_0_prov))))
    yield '</details>\n</section>'

blocks = {}
debug_info = '3=85&4=89&6=91&7=97&8=101&9=105&10=114&12=116&13=119&14=122&15=130&17=146&22=152&25=154&26=158&27=161&29=165&30=169&31=171&32=175&33=177&34=181&37=200&44=204&48=208&49=212&50=216&51=229&53=247&54=250&56=253&57=256&58=258&59=263&60=265&61=269&63=270&66=273&68=278&69=289&70=292&73=295&76=298&77=302&79=305&80=307&81=311&87=348&88=351&89=362&92=366&96=369&98=374&99=377&100=379&101=384&102=389&103=394&104=397&105=399&106=410&107=415&114=420&117=423&121=426&122=436&123=439&124=443&125=447&126=452&127=456&128=458&129=460&130=466&131=482&132=499&133=503&134=507&135=511&137=516&140=526&141=530&142=535&143=543&144=549&145=551&154=559&157=562&163=565&164=568&167=574&168=578&171=597'
# Generated from opengauge/web/templates/_report.html by `python -m opengauge.web.precompile`.
