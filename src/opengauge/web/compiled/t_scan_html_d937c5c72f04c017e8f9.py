from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'scan.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'scan.html')
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
    yield 'Scan census'

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_census = resolve('census')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<h1>Scan census</h1>\n<p class="lede">'
    yield escape(environment.finalize(environment.getattr((undefined(name='census') if l_0_census is missing else l_0_census), 'repositories')))
    yield ' repositories scanned ('
    yield escape(environment.finalize(environment.getattr((undefined(name='census') if l_0_census is missing else l_0_census), 'errors')))
    yield ' with errors; depths:\n'
    l_1_loop = missing
    for (l_1_depth, l_1_n), l_1_loop in LoopContext(context.call(environment.getattr(environment.getattr((undefined(name='census') if l_0_census is missing else l_0_census), 'depths'), 'items'), _block_vars=_block_vars), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.finalize(l_1_depth))
        yield ' '
        yield escape(environment.finalize(l_1_n))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ', '
    l_1_loop = l_1_depth = l_1_n = missing
    yield ').\nEach number lists up to 20 example repositories and the DuckDB query over the dataset\'s Parquet files that lists all of them.</p>\n<table class="overview">\n  <caption>What the dataset shows</caption>\n  <thead><tr><th scope="col">Question</th><th scope="col">Count</th><th scope="col">Of</th><th scope="col">Share</th></tr></thead>\n  <tbody>\n'
    for l_1_n in environment.getattr((undefined(name='census') if l_0_census is missing else l_0_census), 'numbers'):
        _loop_vars = {}
        pass
        yield '    <tr><th scope="row"><a href="#'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'key')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'title')))
        yield '</a></th><td>'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'count')))
        yield '</td><td>'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'total')))
        yield '</td>\n      <td>'
        if (not t_1(environment.getattr(l_1_n, 'share'))):
            pass
            yield escape(environment.finalize(('%.1f' % (environment.getattr(l_1_n, 'share') * 100))))
            yield ' %'
        else:
            pass
            yield '–'
        yield '</td></tr>\n'
    l_1_n = missing
    yield '  </tbody>\n</table>\n'
    l_1_loop = missing
    for l_1_n, l_1_loop in LoopContext(environment.getattr((undefined(name='census') if l_0_census is missing else l_0_census), 'numbers'), undefined):
        _loop_vars = {}
        pass
        yield '<section id="'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'key')))
        yield '">\n  <h2>'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'title')))
        yield '</h2>\n  <p>'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'count')))
        yield ' of '
        yield escape(environment.finalize(environment.getattr(l_1_n, 'total')))
        yield '.</p>\n'
        if context.call(environment.getattr(l_1_n, 'get'), 'breakdown', _loop_vars=_loop_vars):
            pass
            yield '  <table class="overview"><thead><tr><th scope="col">License</th><th scope="col">Repositories</th>'
            if (environment.getattr(l_1_n, 'key') == 'not-open-source-by-license'):
                pass
                yield '<th scope="col">Not open source</th>'
            yield '</tr></thead>\n  <tbody>'
            for l_2_b in environment.getattr(l_1_n, 'breakdown'):
                _loop_vars = {}
                pass
                yield '<tr><td>'
                yield escape(environment.finalize(environment.getattr(l_2_b, 'license')))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_2_b, 'repositories')))
                yield '</td>'
                if (environment.getattr(l_1_n, 'key') == 'not-open-source-by-license'):
                    pass
                    yield '<td>'
                    yield escape(environment.finalize(environment.getattr(l_2_b, 'not_open_source')))
                    yield '</td>'
                yield '</tr>'
            l_2_b = missing
            yield '</tbody></table>\n'
        if environment.getattr(l_1_n, 'examples'):
            pass
            yield '<p>Examples: '
            l_2_loop = missing
            for l_2_i, l_2_loop in LoopContext(environment.getattr(l_1_n, 'examples'), undefined):
                _loop_vars = {}
                pass
                yield '<code>'
                yield escape(environment.finalize(l_2_i))
                yield '</code>'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
            l_2_loop = l_2_i = missing
            yield '</p>'
        yield '  <details><summary>All of them (DuckDB SQL)</summary><pre><code>'
        yield escape(environment.finalize(environment.getattr(l_1_n, 'sql')))
        yield '</code></pre></details>\n</section>\n'
    l_1_loop = l_1_n = missing

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=27&5=43&6=48&12=59&13=63&14=71&18=82&19=86&20=88&21=90&22=94&23=97&24=101&26=117&27=133'
# Generated from opengauge/web/templates/scan.html by `python -m opengauge.web.precompile`.
