from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'check.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'check.html')
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
    yield 'Check a model'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_report = resolve('report')
    l_0_links = resolve('links')
    l_0_max_length = resolve('max_length')
    l_0_target = resolve('target')
    l_0_error = resolve('error')
    pass
    if (undefined(name='report') if l_0_report is missing else l_0_report):
        pass
        l_1_record = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'record')
        l_1_by_framework = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'by_framework')
        l_1_snapshots = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'snapshots')
        l_1_pins = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'pins')
        l_1_extra = environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'extra')
        pass
        template = environment.get_template('_report.html', 'check.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'by_framework': l_1_by_framework, 'extra': l_1_extra, 'pins': l_1_pins, 'record': l_1_record, 'snapshots': l_1_snapshots}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        l_1_record = l_1_by_framework = l_1_snapshots = l_1_pins = l_1_extra = missing
        yield '<p>'
        if ('curated' in context.call(environment.getattr((context.call(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'record'), 'get'), 'provenance', _block_vars=_block_vars) or {}), 'get'), 'kind', 'curated', _block_vars=_block_vars)):
            pass
            yield '<a href="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'record'), 'id'), _block_vars=_block_vars)))
            yield '">Permanent page for '
            yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'record'), 'name')))
            yield '</a> · '
        yield '<a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'check'), _block_vars=_block_vars)))
        yield '">check another model</a></p>\n'
    else:
        pass
        yield '<h1>Check a model</h1>\n<p class="lede">Enter a Hugging Face Hub id (<code>organisation/name</code>) or a name from the catalog (<code>llama-2</code>, <code>OLMo</code>).\n  Local paths are never read on this server; to check files on your machine, run <code>opengauge check PATH</code> yourself.</p>\n<form method="post" action="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'check'), _block_vars=_block_vars)))
        yield '" class="filters" aria-label="Check a model">\n  <div class="field">\n    <label for="target">Model</label>\n    <input id="target" name="target" required maxlength="'
        yield escape(environment.finalize((undefined(name='max_length') if l_0_max_length is missing else l_0_max_length)))
        yield '" value="'
        yield escape(environment.finalize(((undefined(name='target') if l_0_target is missing else l_0_target) or '')))
        yield '" autocomplete="off" spellcheck="false">\n  </div>\n  <div class="actions"><button type="submit">Check</button></div>\n</form>\n'
        if (undefined(name='error') if l_0_error is missing else l_0_error):
            pass
            yield '<p class="notice error" role="alert">'
            yield escape(environment.finalize((undefined(name='error') if l_0_error is missing else l_0_error)))
            yield '</p>'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=27&4=40&6=48&8=56&13=69&16=71&20=75'
# Generated from opengauge/web/templates/check.html by `python -m opengauge.web.precompile`.
