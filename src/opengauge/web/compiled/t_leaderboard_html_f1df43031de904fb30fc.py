from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'leaderboard.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'leaderboard.html')
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
    yield 'Leaderboard: '
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))

def block_content(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_framework = resolve('framework')
    l_0_frameworks = resolve('frameworks')
    l_0_links = resolve('links')
    l_0_release_switch = resolve('release_switch')
    l_0_notices = resolve('notices')
    l_0_filters = resolve('filters')
    l_0_board = resolve('board')
    l_0_dict = resolve('dict')
    l_0_view_base = resolve('view_base')
    l_0_count = resolve('count')
    l_0_total = resolve('total')
    l_0_filter_params = resolve('filter_params')
    l_0_sort = resolve('sort')
    l_0_order = resolve('order')
    l_0_m = resolve('m')
    l_0_rows_html = resolve('rows_html')
    l_0_chosen = l_0_head = missing
    try:
        t_1 = environment.filters['capitalize']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'capitalize' found.")
    pass
    yield '<h1>Leaderboard: '
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))
    yield '</h1>\n<nav aria-label="Frameworks" class="tabs">\n  <ul>\n'
    for l_1_f in (undefined(name='frameworks') if l_0_frameworks is missing else l_0_frameworks):
        _loop_vars = {}
        pass
        yield '    <li><a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr(l_1_f, 'id'), _loop_vars=_loop_vars)))
        yield '"'
        if (environment.getattr(l_1_f, 'id') == environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id')):
            pass
            yield ' aria-current="page"'
        yield '>'
        yield escape(environment.finalize(environment.getattr(l_1_f, 'name')))
        yield '</a></li>\n'
    l_1_f = missing
    yield '  </ul>\n</nav>\n<p class="lede">'
    yield escape(environment.finalize(t_1(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'kind'))))
    yield ' by the framework\'s own published rules; ranked in its published order.\n  <a href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'framework'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), _block_vars=_block_vars)))
    yield '">Criteria of this framework</a>'
    if context.call(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'get'), 'url', _block_vars=_block_vars):
        pass
        yield ' · <a href="'
        yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'url')))
        yield '">'
        yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'url')))
        yield '</a>'
    yield '</p>\n\n'
    if ((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch) and (not environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static'))):
        pass
        yield '<p class="view-switch" id="release-switch">Rows:\n  <a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), environment.getattr((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch), 'families'), _block_vars=_block_vars)))
        yield '" data-releases="0"'
        if (not environment.getattr((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch), 'on')):
            pass
            yield ' aria-current="true"'
        yield '>one row per family</a>\n  · <a href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), environment.getattr((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch), 'releases'), _block_vars=_block_vars)))
        yield '" data-releases="1"'
        if environment.getattr((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch), 'on'):
            pass
            yield ' aria-current="true"'
        yield '>every release ('
        yield escape(environment.finalize(environment.getattr((undefined(name='release_switch') if l_0_release_switch is missing else l_0_release_switch), 'count')))
        yield ')</a></p>\n'
    for l_1_notice in (undefined(name='notices') if l_0_notices is missing else l_0_notices):
        _loop_vars = {}
        pass
        yield '<p class="notice" role="status">'
        yield escape(environment.finalize(l_1_notice))
        yield '</p>'
    l_1_notice = missing
    yield '\n<form id="filters" class="filters" method="get" action="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), _block_vars=_block_vars)))
    yield '" role="search" aria-label="Filter and sort the leaderboard">\n'
    if environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'releases'):
        pass
        yield '<input type="hidden" name="releases" value="1">'
    yield '  <div class="field">\n    <label for="f-q">Search</label>\n    <input id="f-q" type="search" name="q" value="'
    yield escape(environment.finalize((environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'query') or '')))
    yield '" maxlength="200" placeholder="name, organisation, license">\n  </div>\n  <div class="field">\n    <label for="f-type">Type</label>\n    <select id="f-type" name="type">\n      <option value="">any</option>\n'
    for l_1_t in environment.getattr(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'options'), 'types'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(l_1_t))
        yield '"'
        if (environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'type') == l_1_t):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(l_1_t))
        yield '</option>'
    l_1_t = missing
    yield '    </select>\n  </div>\n  <div class="field">\n    <label for="f-org">Organisation</label>\n    <select id="f-org" name="org">\n      <option value="">any</option>\n'
    for l_1_o in environment.getattr(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'options'), 'orgs'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(l_1_o))
        yield '"'
        if (environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'org') == l_1_o):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(l_1_o))
        yield '</option>'
    l_1_o = missing
    yield '    </select>\n  </div>\n  <div class="field">\n    <label for="f-family">License family</label>\n    <select id="f-family" name="license_family">\n      <option value="">any</option>\n'
    for l_1_fam in environment.getattr(environment.getattr((undefined(name='board') if l_0_board is missing else l_0_board), 'options'), 'families'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(l_1_fam))
        yield '"'
        if (environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'license_family') == l_1_fam):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(l_1_fam))
        yield '</option>'
    l_1_fam = missing
    yield '    </select>\n  </div>\n'
    l_0_chosen = context.call((undefined(name='dict') if l_0_dict is missing else l_0_dict), environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'levels'), _block_vars=_block_vars)
    _block_vars['chosen'] = l_0_chosen
    yield '  <details class="levels"'
    if (undefined(name='chosen') if l_0_chosen is missing else l_0_chosen):
        pass
        yield ' open'
    yield '>\n    <summary>Criteria levels</summary>\n    <div class="level-grid">\n'
    for l_1_c in environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'criteria'):
        l_1_level_choices = resolve('level_choices')
        _loop_vars = {}
        pass
        yield '      <div class="field">\n        <label for="f-'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '">'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'name')))
        yield '</label>\n        <select id="f-'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '" name="'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '" data-criterion="'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '">\n          <option value="">any</option>\n'
        for (l_2_value, l_2_label) in (undefined(name='level_choices') if l_1_level_choices is missing else l_1_level_choices):
            _loop_vars = {}
            pass
            yield '<option value="'
            yield escape(environment.finalize(l_2_value))
            yield '"'
            if (context.call(environment.getattr((undefined(name='chosen') if l_0_chosen is missing else l_0_chosen), 'get'), environment.getattr(l_1_c, 'ref'), _loop_vars=_loop_vars) == l_2_value):
                pass
                yield ' selected'
            yield '>'
            yield escape(environment.finalize(l_2_label))
            yield '</option>'
        l_2_value = l_2_label = missing
        yield '        </select>\n      </div>\n'
    l_1_c = l_1_level_choices = missing
    yield '    </div>\n  </details>\n  <div class="field">\n    <label for="f-sort">Sort by</label>\n    <select id="f-sort" name="sort">\n      <option value="">'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'kind')))
    yield ' (published order)</option>\n'
    for (l_1_value, l_1_label) in [('name', 'model'), ('org', 'organisation'), ('type', 'type'), ('license', 'license')]:
        _loop_vars = {}
        pass
        yield '      <option value="'
        yield escape(environment.finalize(l_1_value))
        yield '"'
        if ((undefined(name='sort') if l_0_sort is missing else l_0_sort) == l_1_value):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(l_1_label))
        yield '</option>\n'
    l_1_value = l_1_label = missing
    for l_1_c in environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'criteria'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'ref')))
        yield '"'
        if ((undefined(name='sort') if l_0_sort is missing else l_0_sort) == environment.getattr(l_1_c, 'ref')):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(environment.getattr(l_1_c, 'name')))
        yield '</option>'
    l_1_c = missing
    yield '    </select>\n  </div>\n  <div class="field">\n    <label for="f-order">Order</label>\n    <select id="f-order" name="order">\n      <option value="">default</option>\n      <option value="asc"'
    if (environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'order') == 'asc'):
        pass
        yield ' selected'
    yield '>ascending</option>\n      <option value="desc"'
    if (environment.getattr((undefined(name='filters') if l_0_filters is missing else l_0_filters), 'order') == 'desc'):
        pass
        yield ' selected'
    yield '>descending</option>\n    </select>\n  </div>\n  <div class="actions">\n    <button type="submit">Apply</button>\n    <a href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'leaderboard'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), (undefined(name='view_base') if l_0_view_base is missing else l_0_view_base), _block_vars=_block_vars)))
    yield '" id="reset">Reset</a>\n  </div>\n</form>\n\n<p class="count"><span id="count" role="status" aria-live="polite">'
    yield escape(environment.finalize((undefined(name='count') if l_0_count is missing else l_0_count)))
    yield ' of '
    yield escape(environment.finalize((undefined(name='total') if l_0_total is missing else l_0_total)))
    yield ' models</span>\n  · <a id="csv-link" href="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'csv'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), (undefined(name='filter_params') if l_0_filter_params is missing else l_0_filter_params), _block_vars=_block_vars)))
    yield '" data-base="'
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'csv'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), _block_vars=_block_vars)))
    yield '" download>'
    if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static'):
        pass
        yield 'Download all as CSV'
    else:
        pass
        yield 'Download this view as CSV'
    yield '</a>\n'
    if (not environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static')):
        pass
        yield '· <a id="json-link" href="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'api_ranking'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), (undefined(name='filter_params') if l_0_filter_params is missing else l_0_filter_params), _block_vars=_block_vars)))
        yield '" data-base="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'api_ranking'), environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id'), _block_vars=_block_vars)))
        yield '">JSON</a>'
    yield '</p>\n\n'
    if (not environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static')):
        pass
        yield '<form id="compare-form" method="get" action="'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare'), _block_vars=_block_vars)))
        yield '" class="compare-bar">\n  <button type="submit">Compare selected models</button> <span class="hint">tick 2 to 4 rows</span>\n</form>\n'
    yield '\n<div class="table-wrap">\n<table id="board" class="board sortable" data-framework="'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'id')))
    yield '" data-sort="'
    yield escape(environment.finalize(((undefined(name='sort') if l_0_sort is missing else l_0_sort) or '')))
    yield '" data-order="'
    yield escape(environment.finalize((undefined(name='order') if l_0_order is missing else l_0_order)))
    yield '">\n  <caption>'
    yield escape(environment.finalize(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'name')))
    yield ': '
    yield escape(environment.finalize((undefined(name='total') if l_0_total is missing else l_0_total)))
    yield ' models. '
    yield escape(environment.finalize(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'legend'), _block_vars=_block_vars)))
    yield ' Hover a cell for its note, follow it for the evidence. Column buttons sort.</caption>\n  <thead>\n    <tr>\n'
    if (not environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'static')):
        pass
        yield '<th scope="col" class="pick"><span class="sr-only">Compare</span></th>'
    def macro(l_1_col, l_1_label, l_1_kind, l_1_title):
        t_2 = []
        if l_1_col is missing:
            l_1_col = undefined("parameter 'col' was not provided", name='col')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_kind is missing:
            l_1_kind = undefined("parameter 'kind' was not provided", name='kind')
        if l_1_title is missing:
            l_1_title = ''
        pass
        t_2.extend((
            '      <th scope="col" data-col="',
            escape(environment.finalize(l_1_col)),
            '" data-type="',
            escape(environment.finalize(l_1_kind)),
            '"',
        ))
        if ((undefined(name='sort') if l_0_sort is missing else l_0_sort) == l_1_col):
            pass
            t_2.extend((
                ' aria-sort="',
                escape(environment.finalize(('ascending' if ((undefined(name='order') if l_0_order is missing else l_0_order) == 'asc') else 'descending'))),
                '"',
            ))
        t_2.append(
            '><button type="button"',
        )
        if l_1_title:
            pass
            t_2.extend((
                ' title="',
                escape(environment.finalize(l_1_title)),
                '"',
            ))
        t_2.extend((
            '>',
            escape(environment.finalize(l_1_label)),
            '</button></th>\n',
        ))
        return concat(t_2)
    l_0_head = Macro(environment, macro, 'head', ('col', 'label', 'kind', 'title'), False, False, False, context.eval_ctx.autoescape)
    yield '      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'rank', '#', 'num', _block_vars=_block_vars)))
    yield '\n      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'name', 'Model', 'text', _block_vars=_block_vars)))
    yield '\n      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'org', 'Organisation', 'text', _block_vars=_block_vars)))
    yield '\n      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'type', 'Type', 'text', _block_vars=_block_vars)))
    yield '\n      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'license', 'License', 'text', _block_vars=_block_vars)))
    yield '\n      '
    yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), 'result', t_1(environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'kind')), 'num', _block_vars=_block_vars)))
    yield '\n'
    for l_1_c in environment.getattr((undefined(name='framework') if l_0_framework is missing else l_0_framework), 'criteria'):
        _loop_vars = {}
        pass
        yield escape(environment.finalize(context.call((undefined(name='head') if l_0_head is missing else l_0_head), environment.getattr(l_1_c, 'ref'), environment.getattr(l_1_c, 'name'), 'num', environment.getattr(l_1_c, 'question'), _loop_vars=_loop_vars)))
    l_1_c = missing
    yield '    </tr>\n  </thead>\n  <tbody>\n'
    yield escape(environment.finalize((undefined(name='rows_html') if l_0_rows_html is missing else l_0_rows_html)))
    yield '\n  </tbody>\n</table>\n</div>\n<p id="empty" class="notice"'
    if (undefined(name='count') if l_0_count is missing else l_0_count):
        pass
        yield ' hidden'
    yield '>No models match these filters.</p>\n'

blocks = {'title': block_title, 'content': block_content}
debug_info = '1=12&2=17&3=29&4=61&7=63&8=67&12=77&13=79&15=89&17=92&18=98&20=106&22=114&23=116&26=120&32=122&39=136&46=150&49=164&50=167&53=171&55=176&56=180&58=186&67=202&68=204&69=208&71=217&78=231&79=235&84=239&88=241&89=245&90=256&93=264&94=267&100=270&101=276&104=282&105=285&106=298&108=328&109=330&110=332&111=334&112=336&113=338&114=340&118=346&122=348'
# Generated from opengauge/web/templates/leaderboard.html by `python -m opengauge.web.precompile`.
