from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnership guide")

    def ready(self):
        # The guide's pages keep their fragments until the guide changes (portal/fragments.py).
        from directory.models import Service
        from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section
        from portal import fragments

        fragments.watch(Chapter, Section, CaseStudy, Contact, PartnershipModel, Service)
        # The guide's panel on the portal's front page (portal/home.py).
        from partnerships import home  # noqa: F401
