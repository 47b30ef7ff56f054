from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'frameworks.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'frameworks.html')
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
    yield 'Frameworks'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_frameworks = resolve('frameworks')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<h1>Frameworks</h1>\n<p class="lede">Each framework rates openness by its own published criteria and rules; opengauge shows them side by side and never mixes their results.</p>\n<table class="overview">\n  <caption>The frameworks opengauge applies</caption>\n  <thead><tr><th scope="col">Framework</th><th scope="col">Result</th><th scope="col">Criteria</th><th scope="col">Curated data</th><th scope="col">Leaderboard</th></tr></thead>\n  <tbody>\n'
    for l_1_f in (undefined(name='frameworks') if l_0_frameworks is missing else l_0_frameworks):
        l_1_links = resolve('links')
        _loop_vars = {}
        pass
        yield '    <tr><th scope="row"><a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_1_links is missing else l_1_links), 'framework'), environment.getattr(l_1_f, 'id'), _loop_vars=_loop_vars)))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'name')))
        yield '</a> <code>'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'id')))
        yield '</code></th>\n      <td>'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'kind')))
        yield '</td><td>'
        yield escape(environment.finalize(t_1(environment.getattr(l_1_f, 'criteria'))))
        yield '</td><td>'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'source')))
        yield '</td>\n      <td><a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_1_links is missing else l_1_links), 'leaderboard'), environment.getattr(l_1_f, 'id'), _loop_vars=_loop_vars)))
        yield '">leaderboard</a></td></tr>\n'
    l_1_f = l_1_links = missing
    yield '  </tbody>\n</table>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=27&10=43&11=48&12=54&13=60'
# Generated from opengauge/web/templates/frameworks.html by `python -m opengauge.web.precompile`.
