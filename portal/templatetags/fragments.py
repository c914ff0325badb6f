"""{% fragment "name" vary… %}…{% endfragment %}: a piece of a page kept in the shared cache
until anything it shows changes (portal/fragments.py says what a key holds)."""

import re

from django import template
from django.utils.safestring import mark_safe

from portal import fragments

register = template.Library()


# A run of whitespace that holds a line break: the template's own indentation, which a browser
# shows as one space (white-space: normal). Kept where it would show (<pre>, <textarea>).
_INDENTATION = re.compile(r"[ \t]*\n\s*")


def _without_indentation(html: str) -> str:
    if "<pre" in html or "<textarea" in html:
        return html
    return _INDENTATION.sub("\n", html)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary_on]
        if any(value is None for value in vary):
            # Not kept: a page made from input it refused (fragments.NOT_KEPT).
            return mark_safe(self.nodelist.render(context))  # noqa: S308 (escaped as it rendered)
        return mark_safe(  # noqa: S308 (the nodelist's own output, escaped as it rendered)
            fragments.cached(
                name,
                vary,
                lambda: _without_indentation(str(self.nodelist.render(context))),
                request=context.get("request"),
            )
        )


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
