"""``{% media_with_nonce form.media %}``: a form's media, its inline scripts with the CSP nonce.

The portal's Content-Security-Policy refuses inline scripts (config/settings.py) except those
carrying the nonce of the response. A form whose widgets need an inline script (the rich-text
editor's ``<script type="importmap">``) renders its media with this tag: every tag gets the
request's nonce (django-csp's ``request.csp_nonce``, which adds it to the header once read).

    {% load media %}
    {% block head %}{% media_with_nonce form.media %}{% endblock %}
"""

from django import template
from js_asset import Media

register = template.Library()


@register.simple_tag(takes_context=True)
def media_with_nonce(context, media):
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None)
    media = Media.from_media(media)
    # django-csp's lazy nonce is falsy until read: test for its absence, not its truth.
    if nonce is None:
        return media.render()
    return media.render(attrs={"nonce": str(nonce)})
