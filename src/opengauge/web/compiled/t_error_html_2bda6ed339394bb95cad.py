from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'error.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'error.html')
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
    l_0_title = resolve('title')
    pass
    yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_title = resolve('title')
    l_0_message = resolve('message')
    l_0_suggestions = resolve('suggestions')
    l_0_links = resolve('links')
    pass
    yield '<h1>'
    yield escape(environment.finalize((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '</h1>\n<p class="notice error" role="alert">'
    yield escape(environment.finalize((undefined(name='message') if l_0_message is missing else l_0_message)))
    yield '</p>\n'
    if (undefined(name='suggestions') if l_0_suggestions is missing else l_0_suggestions):
        pass
        yield '<p>Did you mean:</p>\n<ul>'
        for l_1_s in (undefined(name='suggestions') if l_0_suggestions is missing else l_0_suggestions):
            _loop_vars = {}
            pass
            yield '<li><a href="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), l_1_s, _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(l_1_s))
            yield '</a></li>'
        l_1_s = missing
        yield '</ul>\n'
    yield '<p><a href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'home'), _block_vars=_block_vars)))
    yield '">Back to the leaderboard</a></p>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=28&4=41&5=43&6=45&8=48&10=59'
# Generated from opengauge/web/templates/error.html by `python -m opengauge.web.precompile`.
