from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'framework.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'framework.html')
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
    l_0_framework = resolve('framework')
    pass
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_framework = resolve('framework')
    l_0_m = resolve('m')
    l_0_rated = resolve('rated')
    l_0_links = resolve('links')
    l_0_groups = missing
    try:
        t_1 = environment.filters['number']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'number' found.")
    pass
    yield '<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))
    yield '</h1>\n<dl class="kv">\n  <dt>Id</dt><dd><code>'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id')))
    yield '</code></dd>\n  <dt>Result</dt><dd>'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'kind')))
    if context.call(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'get'), 'score', _block_vars=_block_vars):
        pass
        yield ' ('
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'score'), 'aggregate')))
        yield ' of the levels, '
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'score'), 'min')))
        yield ' to '
        yield escape(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'score'), 'max'))))
        yield '; open 1, partial 0.5, closed or unknown 0)'
    yield '</dd>\n  <dt>Curated data</dt><dd>'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'source')))
    yield '</dd>\n'
    if context.call(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'get'), 'url', _block_vars=_block_vars):
        pass
        yield '<dt>Home</dt><dd>'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'value'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'url'), _block_vars=_block_vars)))
        yield '</dd>'
    if context.call(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'get'), 'citation', _block_vars=_block_vars):
        pass
        yield '<dt>Cite</dt><dd>'
        yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'citation')))
        yield '</dd>'
    yield '  <dt>Models rated</dt><dd>'
    yield escape(environment.finalize((undefined(name='rated') if l_0_rated is missing else l_0_rated)))
    yield ' · <a href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), _block_vars=_block_vars)))
    yield '">leaderboard</a></dd>\n</dl>\n'
    l_0_groups = {}
    _block_vars['groups'] = l_0_groups
    for l_1_g in (context.call(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'get'), 'groups', _block_vars=_block_vars) or []):
        l_1__ = missing
        _loop_vars = {}
        pass
        l_1__ = context.call(environment.getattr((undefined(name='groups') if l_0_groups is missing else l_0_groups), 'update'), {environment.getattr(l_1_g, 'ref'): environment.getattr(l_1_g, 'name')}, _loop_vars=_loop_vars)
        _loop_vars['_'] = l_1__
    l_1_g = l_1__ = missing
    yield '<table class="criteria">\n  <caption>Criteria of '
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))
    yield ', in published order</caption>\n  <thead><tr><th scope="col">#</th><th scope="col">Criterion</th><th scope="col">Ref</th><th scope="col">Group</th><th scope="col">Question</th></tr></thead>\n  <tbody>\n'
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'criteria'), undefined):
        _loop_vars = {}
        pass
        yield '    <tr id="c-'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '"><td class="num">'
        yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '</td><th scope="row">'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'name')))
        yield '</th><td><code>'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '</code></td>\n      <td>'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='groups') if l_0_groups is missing else l_0_groups), 'get'), context.call(environment.getattr(l_1_c, 'get'), 'group', _loop_vars=_loop_vars), (context.call(environment.getattr(l_1_c, 'get'), 'group', _loop_vars=_loop_vars) or ''), _loop_vars=_loop_vars)))
        yield '</td><td>'
        yield escape(environment.finalize((context.call(environment.getattr(l_1_c, 'get'), 'question', _loop_vars=_loop_vars) or '')))
        yield '</td></tr>\n'
    l_1_loop = l_1_c = missing
    yield '  </tbody>\n</table>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=28&4=48&6=50&7=52&8=63&9=65&10=70&11=76&13=80&14=82&16=90&19=93&20=97&21=105'
# Generated from opengauge/web/templates/framework.html by `python -m opengauge.web.precompile`.
