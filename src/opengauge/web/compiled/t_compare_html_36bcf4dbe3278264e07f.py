from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'compare.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_models = resolve('models')
    pass
    yield 'Compare '
    l_1_loop = missing
    t_1 = 1
    for l_1_s, l_1_loop in LoopContext((undefined(name='models') if l_0_models is missing else l_0_models), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.finalize(environment.getattr(l_1_s, 'name')))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ', '
        t_1 = 0
    l_1_loop = l_1_s = missing
    if t_1:
        pass
        yield 'models'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_links = resolve('links')
    l_0_range = resolve('range')
    l_0_all_ids = resolve('all_ids')
    l_0_error = resolve('error')
    l_0_sections = resolve('sections')
    l_0_models = resolve('models')
    try:
        t_2 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    try:
        t_3 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_4 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<h1>Compare models</h1>\n<form method="get" action="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare'), _block_vars=_block_vars)))
    yield '" class="filters" aria-label="Choose 2 to 4 models">\n'
    for l_1_i in context.call((undefined(name='range') if l_0_range is missing else l_0_range), 4, _block_vars=_block_vars):
        l_1_ids = resolve('ids')
        _loop_vars = {}
        pass
        yield '  <div class="field">\n    <label for="c-'
        yield escape(environment.finalize(l_1_i))
        yield '">Model '
        yield escape(environment.finalize((l_1_i + 1)))
        if (l_1_i >= 2):
            pass
            yield ' (optional)'
        yield '</label>\n    <input id="c-'
        yield escape(environment.finalize(l_1_i))
        yield '" name="models" list="model-ids" maxlength="200" value="'
        yield escape(environment.finalize((environment.getitem((undefined(name='ids') if l_1_ids is missing else l_1_ids), l_1_i) if (l_1_i < t_4((undefined(name='ids') if l_1_ids is missing else l_1_ids))) else '')))
        yield '">\n  </div>\n'
    l_1_i = l_1_ids = missing
    yield '  <datalist id="model-ids">'
    for l_1_mid in (undefined(name='all_ids') if l_0_all_ids is missing else l_0_all_ids):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(l_1_mid))
        yield '">'
    l_1_mid = missing
    yield '</datalist>\n  <div class="actions"><button type="submit">Compare</button></div>\n</form>\n'
    if (undefined(name='error') if l_0_error is missing else l_0_error):
        pass
        yield '<p class="notice" role="alert">'
        yield escape(environment.finalize((undefined(name='error') if l_0_error is missing else l_0_error)))
        yield '</p>'
    if (undefined(name='sections') if l_0_sections is missing else l_0_sections):
        pass
        yield '<table class="overview">\n  <caption>The models compared</caption>\n  <thead><tr><th scope="col">Model</th>'
        for l_1_s in (undefined(name='models') if l_0_models is missing else l_0_models):
            _loop_vars = {}
            pass
            yield '<th scope="col"><a href="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr(l_1_s, 'id'), _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'name')))
            yield '</a></th>'
        l_1_s = missing
        yield '</tr></thead>\n  <tbody>\n    <tr><th scope="row">Organisation</th>'
        for l_1_s in (undefined(name='models') if l_0_models is missing else l_0_models):
            _loop_vars = {}
            pass
            yield '<td>'
            yield escape(environment.finalize((environment.getattr(l_1_s, 'org') or 'unknown')))
            yield '</td>'
        l_1_s = missing
        yield '</tr>\n    <tr><th scope="row">Type</th>'
        for l_1_s in (undefined(name='models') if l_0_models is missing else l_0_models):
            _loop_vars = {}
            pass
            yield '<td>'
            yield escape(environment.finalize(t_3(context.eval_ctx, environment.getattr(l_1_s, 'type'), ', ')))
            yield '</td>'
        l_1_s = missing
        yield '</tr>\n    <tr><th scope="row">License (as curated)</th>'
        for l_1_s in (undefined(name='models') if l_0_models is missing else l_0_models):
            _loop_vars = {}
            pass
            yield '<td>'
            yield escape(environment.finalize((environment.getattr(l_1_s, 'license') or 'unknown')))
            yield '</td>'
        l_1_s = missing
        yield '</tr>\n  </tbody>\n</table>\n'
        l_1_loop = missing
        for l_1_section, l_1_loop in LoopContext((undefined(name='sections') if l_0_sections is missing else l_0_sections), undefined):
            l_1_m = resolve('m')
            l_1_f = missing
            _loop_vars = {}
            pass
            l_1_f = environment.getattr(l_1_section, 'framework')
            _loop_vars['f'] = l_1_f
            yield '<table class="compare" id="cmp-'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id')))
            yield '">\n  <caption><a href="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'framework'), environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id'), _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'name')))
            yield '</a> '
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'legend'), _loop_vars=_loop_vars)))
            yield '</caption>\n  <thead><tr><th scope="col">Criterion</th>'
            for l_2_s in (undefined(name='models') if l_0_models is missing else l_0_models):
                _loop_vars = {}
                pass
                yield '<th scope="col">'
                yield escape(environment.finalize(environment.getattr(l_2_s, 'name')))
                yield '</th>'
            l_2_s = missing
            yield '</tr></thead>\n  <tbody>\n    <tr class="result-row"><th scope="row">'
            yield escape(environment.finalize(t_2(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'kind'))))
            yield ' (rank)</th>\n'
            l_2_loop = missing
            for l_2_res, l_2_loop in LoopContext(environment.getattr(l_1_section, 'results'), undefined):
                l_2_rec = missing
                _loop_vars = {}
                pass
                l_2_rec = environment.getitem(environment.getattr(l_1_section, 'records'), environment.getattr(l_2_loop, 'index0'))
                _loop_vars['rec'] = l_2_rec
                yield '      <td class="result">'
                if l_2_res:
                    pass
                    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'result'), l_2_res, _loop_vars=_loop_vars)))
                    yield ' <span class="hint">('
                    yield escape(environment.finalize(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'rank')))
                    yield ' of '
                    yield escape(environment.finalize(environment.getattr((undefined(name='rec') if l_2_rec is missing else l_2_rec), 'of')))
                    yield ')</span>'
                else:
                    pass
                    yield 'no record'
                yield '</td>\n'
            l_2_loop = l_2_res = l_2_rec = missing
            yield '    </tr>\n'
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_section, 'rows'), undefined):
                _loop_vars = {}
                pass
                yield '    <tr>\n      <th scope="row"'
                if context.call(environment.getattr(environment.getattr(l_2_row, 'criterion'), 'get'), 'question', _loop_vars=_loop_vars):
                    pass
                    yield ' title="'
                    yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_row, 'criterion'), 'question')))
                    yield '"'
                yield '>'
                yield escape(environment.finalize(environment.getattr(environment.getattr(l_2_row, 'criterion'), 'name')))
                yield '</th>\n'
                l_3_loop = missing
                for l_3_cell, l_3_loop in LoopContext(environment.getattr(l_2_row, 'cells'), undefined):
                    l_3_ids = resolve('ids')
                    _loop_vars = {}
                    pass
                    if l_3_cell:
                        pass
                        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'level_cell'), environment.getattr(l_3_cell, 'level'), environment.getattr(l_3_cell, 'url'), environment.getattr(l_3_cell, 'note'), environment.getattr(environment.getattr(l_2_row, 'criterion'), 'name'), markup_join((context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getitem((undefined(name='ids') if l_3_ids is missing else l_3_ids), environment.getattr(l_3_loop, 'index0')), _loop_vars=_loop_vars), '#', environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'id'), '-', environment.getattr(environment.getattr(l_2_row, 'criterion'), 'ref'), )), _loop_vars=_loop_vars)))
                    else:
                        pass
                        yield '<td class="none">—</td>'
                l_3_loop = l_3_cell = l_3_ids = missing
                yield '    </tr>\n'
            l_2_loop = l_2_row = missing
            yield '  </tbody>\n</table>\n'
        l_1_loop = l_1_section = l_1_f = l_1_m = missing

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=42&5=75&6=77&8=82&9=89&12=95&15=103&16=108&19=111&21=121&22=129&23=137&26=146&27=151&28=154&29=156&30=162&32=170&33=173&34=177&35=180&38=195&40=199&41=208&42=212'
# Generated from opengauge/web/templates/compare.html by `python -m opengauge.web.precompile`.
