from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.languages import Language
from portal.limits import SHORT_TEXT
from portal.roles import has_role


class User(AbstractUser):
    """The portal's account. Kept custom from the first migration so it can grow."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles):
        return has_role(self, *roles)

    @property
    def display_name(self) -> str:
        """How the portal names the user: their directory entry, else their account's name."""
        person = getattr(self, "person", None)
        if person is not None:
            return person.name
        return self.get_full_name() or self.get_username()


class OrderOfGovernment(models.TextChoices):
    FEDERAL = "federal", _("Federal")
    PROVINCIAL = "provincial", _("Provincial")
    TERRITORIAL = "territorial", _("Territorial")
    MUNICIPAL = "municipal", _("Municipal")
    INDIGENOUS = "indigenous", _("Indigenous")
    OTHER = "other", _("Other")


class Province(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


class Organization(models.Model):
    key = models.SlugField(
        _("key"),
        unique=True,
        help_text=_("Short stable identifier used by data files, e.g. “esdc”."),
    )
    name = models.CharField(_("name"), max_length=SHORT_TEXT, help_text=_("Full official name."))
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("Official acronym, if any.")
    )
    order_of_government = models.CharField(
        _("order of government"),
        max_length=20,
        choices=OrderOfGovernment.choices,
        help_text=_("Federal, provincial, territorial, municipal, Indigenous or other."),
    )
    province = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=Province.choices,
        blank=True,
        help_text=_("Where the organization is based, for provincial, territorial and local ones."),
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Person(models.Model):
    name = models.CharField(
        _("name"), max_length=SHORT_TEXT, help_text=_("Given name and surname.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("The person's portal account, if they have one."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("The organization the person works for."),
    )
    title = models.CharField(
        _("title"),
        max_length=SHORT_TEXT,
        blank=True,
        help_text=_("Job title or role in the group."),
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Work email address."))
    preferred_language = models.CharField(
        _("preferred official language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("The official language the person prefers for correspondence."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def name_with_organization(self) -> str:
        """How the plan names a responsible person: "Marie Tremblay (SNB)"."""
        return f"{self.name} ({self.organization.short_name})"


class Service(models.Model):
    """A government service clients come for (a passport, employment insurance, a health
    card): named by case studies and, later, by service points."""

    key = models.SlugField(
        _("key"),
        unique=True,
        help_text=_("Short stable identifier used by data files, e.g. “passport”."),
    )
    name = models.CharField(
        _("name"), max_length=SHORT_TEXT, help_text=_("The service's name as clients know it.")
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]

    def __str__(self):
        return self.name
