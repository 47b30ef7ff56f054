from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'model.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'model.html')
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
    l_0_record = resolve('record')
    pass
    yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_pinned = resolve('pinned')
    l_0_base_url = resolve('base_url')
    l_0_links = resolve('links')
    l_0_record = resolve('record')
    l_0_pins = resolve('pins')
    l_0_citation = resolve('citation')
    l_0_badge_frameworks = resolve('badge_frameworks')
    l_0_permalink = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (undefined(name='pinned') if l_0_pinned is missing else l_0_pinned):
        pass
        yield '<p class="pinned" role="note">Pinned to data snapshot'
        yield escape(environment.finalize(('s' if (t_1((undefined(name='pinned') if l_0_pinned is missing else l_0_pinned)) > 1) else cond_expr_undefined("the inline if-expression on line 5 in 'model.html' evaluated to false and no else section was defined."))))
        yield '\n'
        l_1_loop = missing
        for l_1_s, l_1_loop in LoopContext((undefined(name='pinned') if l_0_pinned is missing else l_0_pinned), undefined):
            _loop_vars = {}
            pass
            yield '<code>'
            yield escape(environment.finalize(environment.getattr(l_1_s, 'pin')))
            yield '</code> ('
            yield escape(environment.finalize((environment.getattr(l_1_s, 'date') or 'undated')))
            yield ')'
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield ', '
        l_1_loop = l_1_s = missing
        yield ': this server holds exactly that data.</p>\n'
    template = environment.get_template('_report.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'permalink': l_0_permalink}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('_releases.html', 'model.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'permalink': l_0_permalink}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<section aria-labelledby="h-cite">\n<h2 id="h-cite">Cite or link this page</h2>\n'
    l_0_permalink = markup_join(((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url), context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id'), (undefined(name='pins') if l_0_pins is missing else l_0_pins), _block_vars=_block_vars), ))
    _block_vars['permalink'] = l_0_permalink
    yield '<p>Permalink (pinned to the data snapshots above): <a href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id'), (undefined(name='pins') if l_0_pins is missing else l_0_pins), _block_vars=_block_vars)))
    yield '" id="permalink">'
    yield escape(environment.finalize((undefined(name='permalink') if l_0_permalink is missing else l_0_permalink)))
    yield '</a></p>\n<p class="citation">opengauge '
    yield escape(environment.finalize(environment.getattr((undefined(name='citation') if l_0_citation is missing else l_0_citation), 'version')))
    yield ': '
    yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))
    if context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'org', _block_vars=_block_vars):
        pass
        yield ' ('
        yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'org')))
        yield ')'
    yield '. Data: '
    l_1_loop = missing
    t_2 = 1
    for l_1_p, l_1_loop in LoopContext((undefined(name='pins') if l_0_pins is missing else l_0_pins), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.finalize(l_1_p))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ', '
        t_2 = 0
    l_1_loop = l_1_p = missing
    if t_2:
        pass
        yield 'unpinned'
    yield '. '
    yield escape(environment.finalize((undefined(name='permalink') if l_0_permalink is missing else l_0_permalink)))
    yield '</p>\n'
    if ((not environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static')) and (undefined(name='badge_frameworks') if l_0_badge_frameworks is missing else l_0_badge_frameworks)):
        pass
        yield '<h3>Badge for a README</h3>\n'
        for l_1_fid in (undefined(name='badge_frameworks') if l_0_badge_frameworks is missing else l_0_badge_frameworks):
            _loop_vars = {}
            pass
            yield '<p><img src="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'badge'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id'), l_1_fid, _loop_vars=_loop_vars)))
            yield '" alt="opengauge '
            yield escape(environment.finalize(l_1_fid))
            yield ' result for '
            yield escape(environment.finalize(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'name')))
            yield '"></p>\n<pre><code>[![opengauge '
            yield escape(environment.finalize(l_1_fid))
            yield ']('
            yield escape(environment.finalize((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url)))
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'badge'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id'), l_1_fid, _loop_vars=_loop_vars)))
            yield ')]('
            yield escape(environment.finalize((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url)))
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'id'), _loop_vars=_loop_vars)))
            yield ')</code></pre>\n'
        l_1_fid = missing
    yield '</section>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=28&4=50&5=53&6=56&8=69&9=75&12=82&13=85&14=89&15=115&17=118&18=122&19=128'
# Generated from opengauge/web/templates/model.html by `python -m opengauge.web.precompile`.
