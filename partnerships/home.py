"""The guide's panel on the portal's front page (portal/home.py): the guide, and the featured
case studies (public copies only)."""

from portal.home import Panel, register


def guide_panel(request) -> dict:
    from partnerships import selectors

    return {"featured": selectors.case_studies_featured()}


register(Panel("guide", "partnerships/public/home_panel.html", context=guide_panel, order=40))
