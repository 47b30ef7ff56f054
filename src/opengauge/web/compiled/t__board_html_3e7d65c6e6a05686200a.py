from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_board.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_row = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_r, l_1_framework, l_1_links, l_1_marker, l_1_pick):
        t_3 = []
        l_1_page = missing
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_framework is missing:
            l_1_framework = undefined("parameter 'framework' was not provided", name='framework')
        if l_1_links is missing:
            l_1_links = undefined("parameter 'links' was not provided", name='links')
        if l_1_marker is missing:
            l_1_marker = undefined("parameter 'marker' was not provided", name='marker')
        if l_1_pick is missing:
            l_1_pick = undefined("parameter 'pick' was not provided", name='pick')
        pass
        t_3.extend((
            '<tr data-id="',
            escape(environment.finalize(environment.getattr(l_1_r, 'id'))),
            '" data-index="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_r, 'record'), 'rank'))),
            '" data-type="',
            escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_r, 'types'), ' '))),
            '" data-org="',
            escape(environment.finalize(environment.getattr(l_1_r, 'org'))),
            '" data-family="',
            escape(environment.finalize(environment.getattr(l_1_r, 'family'))),
            '" data-text="',
            escape(environment.finalize(environment.getattr(l_1_r, 'text'))),
            '"',
            escape(environment.finalize(l_1_marker)),
            '>\n',
        ))
        if l_1_pick:
            pass
            t_3.extend((
                '<td class="pick"><input type="checkbox" name="models" value="',
                escape(environment.finalize(environment.getattr(l_1_r, 'id'))),
                '" form="compare-form" aria-label="Compare ',
                escape(environment.finalize(environment.getattr(l_1_r, 'name'))),
                '"></td>',
            ))
        t_3.extend((
            '<td class="num rank" data-sort="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_r, 'record'), 'rank'))),
            '">',
            escape(environment.finalize(l_1_marker)),
            '</td>\n<th scope="row"><a href="',
            escape(environment.finalize(context.call(environment.getattr(l_1_links, 'model'), environment.getattr(l_1_r, 'id')))),
            '">',
            escape(environment.finalize(environment.getattr(l_1_r, 'name'))),
            '</a></th>\n<td>',
            escape(environment.finalize(environment.getattr(l_1_r, 'org'))),
            '</td>\n<td>',
            escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_r, 'types'), ', '))),
            '</td>\n<td>',
            escape(environment.finalize((environment.getattr(l_1_r, 'license') or 'unknown'))),
            '</td>\n<td class="result" data-sort="',
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_r, 'result'), 'sort'))),
            '">',
        ))
        if (not t_2(environment.getattr(environment.getattr(l_1_r, 'result'), 'bar'))):
            pass
            t_3.extend((
                '<span class="bar w',
                escape(environment.finalize(environment.getattr(environment.getattr(l_1_r, 'result'), 'bar'))),
                '" aria-hidden="true"></span> ',
            ))
        t_3.extend((
            escape(environment.finalize(environment.getattr(environment.getattr(l_1_r, 'result'), 'text'))),
            '</td>\n',
        ))
        l_1_page = markup_join((context.call(environment.getattr(l_1_links, 'model'), environment.getattr(l_1_r, 'id')), '#', environment.getattr(l_1_framework, 'id'), '-', ))
        for l_2_c in environment.getattr(l_1_r, 'cells'):
            _loop_vars = {}
            pass
            t_3.extend((
                '<td class="l-',
                escape(environment.finalize(environment.getattr(l_2_c, 'level'))),
                '"><a href="',
                escape(environment.finalize((environment.getattr(l_2_c, 'url') or markup_join(((undefined(name='page') if l_1_page is missing else l_1_page), environment.getattr(l_2_c, 'ref'), ))))),
                '"',
            ))
            if environment.getattr(l_2_c, 'note'):
                pass
                t_3.extend((
                    ' title="',
                    escape(environment.finalize(environment.getattr(l_2_c, 'note'))),
                    '"',
                ))
            t_3.extend((
                '>',
                escape(environment.finalize(environment.getattr(l_2_c, 'level'))),
                '</a></td>',
            ))
        l_2_c = missing
        t_3.append(
            '</tr>\n',
        )
        return concat(t_3)
    context.exported_vars.add('row')
    context.vars['row'] = l_0_row = Macro(environment, macro, 'row', ('r', 'framework', 'links', 'marker', 'pick'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=24&4=40&5=55&6=66&7=70&8=74&9=76&10=78&11=80&12=94&13=95'
# Generated from opengauge/web/templates/_board.html by `python -m opengauge.web.precompile`.
