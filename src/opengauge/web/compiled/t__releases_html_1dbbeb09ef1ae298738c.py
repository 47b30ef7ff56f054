from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_releases.html'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_record = resolve('record')
    l_0_links = resolve('links')
    l_0_family = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    l_0_family = context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'family')
    context.vars['family'] = l_0_family
    context.exported_vars.add('family')
    if (((undefined(name='family') if l_0_family is missing else l_0_family) or context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'releases')) or context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'related_families')):
        pass
        yield '<section aria-labelledby="h-releases">\n<h2 id="h-releases">'
        if (undefined(name='family') if l_0_family is missing else l_0_family):
            pass
            yield 'Family'
        else:
            pass
            yield 'Releases'
        yield '</h2>\n'
        if (undefined(name='family') if l_0_family is missing else l_0_family):
            pass
            yield '<p>This page rates one release of the Model Openness Tool, <code>'
            yield escape(environment.finalize(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'source_file')))
            yield '</code>'
            if context.call(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'get'), 'size'):
                pass
                yield ' ('
                yield escape(environment.finalize(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'size')))
                if context.call(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'get'), 'generation'):
                    pass
                    yield ', generation '
                    yield escape(environment.finalize(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'generation')))
                yield ')'
            elif context.call(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'get'), 'generation'):
                pass
                yield ' (generation '
                yield escape(environment.finalize(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'generation')))
                yield ')'
            yield ',\n  of the family <a href="'
            yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'id'))))
            yield '">'
            yield escape(environment.finalize(environment.getattr((undefined(name='family') if l_0_family is missing else l_0_family), 'id')))
            yield '</a>.</p>\n'
        if context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'releases'):
            pass
            yield '<p>The Model Openness Tool rates '
            yield escape(environment.finalize(t_1(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'releases'))))
            yield ' release'
            yield escape(environment.finalize(('s' if (t_1(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'releases')) > 1) else cond_expr_undefined("the inline if-expression on line 12 in '_releases.html' evaluated to false and no else section was defined."))))
            yield ' of this family; each has a page of its own.</p>\n<ul class="releases">\n'
            for l_1_r in environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'releases'):
                _loop_vars = {}
                pass
                yield '  <li><a href="'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), environment.getattr(l_1_r, 'id'), _loop_vars=_loop_vars)))
                yield '">'
                yield escape(environment.finalize(environment.getattr(l_1_r, 'name')))
                yield '</a> <code>'
                yield escape(environment.finalize(environment.getattr(l_1_r, 'id')))
                yield '</code>'
                if context.call(environment.getattr(l_1_r, 'get'), 'size', _loop_vars=_loop_vars):
                    pass
                    yield ' · '
                    yield escape(environment.finalize(environment.getattr(l_1_r, 'size')))
                if context.call(environment.getattr(l_1_r, 'get'), 'generation', _loop_vars=_loop_vars):
                    pass
                    yield ' · generation '
                    yield escape(environment.finalize(environment.getattr(l_1_r, 'generation')))
                yield '</li>\n'
            l_1_r = missing
            yield '</ul>\n'
        if context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'get'), 'related_families'):
            pass
            yield '<p>Related families (other generations or models, rated separately):\n'
            l_1_loop = missing
            for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'related_families'), undefined):
                _loop_vars = {}
                pass
                yield '<a href="'
                yield escape(environment.finalize(context.call(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'model'), l_1_r, _loop_vars=_loop_vars)))
                yield '">'
                yield escape(environment.finalize(l_1_r))
                yield '</a>'
                if (not environment.getattr(l_1_loop, 'last')):
                    pass
                    yield ', '
            l_1_loop = l_1_r = missing
            yield '.</p>\n'
        yield '</section>\n'

blocks = {}
debug_info = '3=20&4=23&6=26&7=33&8=36&9=53&11=57&12=60&14=64&15=68&19=85&21=89'
# Generated from opengauge/web/templates/_releases.html by `python -m opengauge.web.precompile`.
