from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'models.html')
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
    pass
    yield 'All models'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_models = resolve('models')
    l_0_frameworks = resolve('frameworks')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<h1>All models</h1>\n<p class="lede">'
    yield escape(environment.finalize(t_1((undefined(name='models') if l_0_models is missing else l_0_models))))
    yield ' models with at least one curated record.</p>\n<table class="overview sortable" id="models">\n  <caption>Every model and its result in each framework</caption>\n  <thead><tr>\n    <th scope="col" data-col="name" data-type="text"><button type="button">Model</button></th>\n    <th scope="col" data-col="org" data-type="text"><button type="button">Organisation</button></th>\n'
    for l_1_f in (undefined(name='frameworks') if l_0_frameworks is missing else l_0_frameworks):
        _loop_vars = {}
        pass
        yield '<th scope="col" data-col="'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'id')))
        yield '" data-type="num"><button type="button">'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'name')))
        yield '</button></th>'
    l_1_f = missing
    yield '  </tr></thead>\n  <tbody>\n'
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext((undefined(name='models') if l_0_models is missing else l_0_models), undefined):
        l_1_links = resolve('links')
        l_1_found = missing
        _loop_vars = {}
        pass
        l_1_found = {}
        _loop_vars['found'] = l_1_found
        for l_2_entry in environment.getattr(l_1_model, 'frameworks'):
            l_2__ = missing
            _loop_vars = {}
            pass
            l_2__ = context.call(environment.getattr((undefined(name='found') if l_1_found is missing else l_1_found), 'update'), {environment.getattr(l_2_entry, 'id'): environment.getattr(l_2_entry, 'result')}, _loop_vars=_loop_vars)
            _loop_vars['_'] = l_2__
        l_2_entry = l_2__ = missing
        yield '    <tr data-index="'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '">\n      <th scope="row" data-sort="'
        yield escape(environment.finalize(environment.getattr(l_1_model, 'name')))
        yield '"><a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_1_links is missing else l_1_links), 'model'), environment.getattr(l_1_model, 'id'), _loop_vars=_loop_vars)))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_model, 'name')))
        yield '</a></th>\n      <td data-sort="'
        yield escape(environment.finalize(environment.getattr(l_1_model, 'org')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_model, 'org')))
        yield '</td>\n'
        for l_2_f in (undefined(name='frameworks') if l_0_frameworks is missing else l_0_frameworks):
            l_2_m = resolve('m')
            l_2_res = missing
            _loop_vars = {}
            pass
            l_2_res = context.call(environment.getattr((undefined(name='found') if l_1_found is missing else l_1_found), 'get'), environment.getattr(l_2_f, 'id'), _loop_vars=_loop_vars)
            _loop_vars['res'] = l_2_res
            yield '        <td class="result" data-sort="'
            yield escape(environment.finalize((environment.getattr((undefined(name='res') if l_2_res is missing else l_2_res), 'sort') if (undefined(name='res') if l_2_res is missing else l_2_res) else 0)))
            yield '">'
            if (undefined(name='res') if l_2_res is missing else l_2_res):
                pass
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'result'), (undefined(name='res') if l_2_res is missing else l_2_res), _loop_vars=_loop_vars)))
            else:
                pass
                yield '—'
            yield '</td>\n'
        l_2_f = l_2_res = l_2_m = missing
        yield '    </tr>\n'
    l_1_loop = l_1_model = l_1_found = l_1_links = missing
    yield '  </tbody>\n</table>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=27&5=44&11=46&14=57&15=62&16=64&17=72&18=74&19=80&20=84&21=89&22=92'
# Generated from opengauge/web/templates/models.html by `python -m opengauge.web.precompile`.
