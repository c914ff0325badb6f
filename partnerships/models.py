"""The partnership guide: chapters and their sections, case studies, contacts.

Every piece of the guide an editor writes (a chapter, a section, a case study) is a
:class:`Content` item, kept as two rows of its table:

- the **working copy** (``is_public=False``), which editors edit and which moves through the
  workflow: draft → in review → published (:class:`Stage`);
- the **public copy** (``is_public=True``), written only when the working copy is published:
  what anonymous readers see. It stays unchanged while the next draft is written and reviewed,
  and is removed when the item is unpublished.

Every query a public page makes starts from ``.public()``, so a draft cannot reach a reader
through any page, search result, sitemap or PDF. Each save of a working copy is a revision
(django-simple-history: who, when, every field in both languages, a comment).

Each working copy also knows when and by whom each language's text last changed
(``text_changed_en``, ``text_changed_by_en`` and the French ones), and whether a side is
**stale** (``stale_en``, ``stale_fr``): the other side changed after it, and nobody has updated
it or marked it up to date since. A side is **missing** when one of its required texts is
empty. The
translation queue lists both, and publishing refuses a missing side (partnerships/workflow.py).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Province, Service
from portal.languages import LANGUAGES, in_language
from portal.limits import SHORT_TEXT
from portal.locking import Versioned
from portal.richtext import RichTextField

IMAGE_TYPES = ("jpg", "jpeg", "png", "webp")
IMAGE_MAX_BYTES = 2 * 1024 * 1024
SLUG_TAKEN = _("Another item has this address; choose another.")


def unique_slugs(model_name: str, *scope: str) -> list[models.UniqueConstraint]:
    """A page's address is unique in each language among working copies, and among public
    copies (within `scope`: a section's within its chapter); an empty one is not yet made."""
    return [
        models.UniqueConstraint(
            fields=["is_public", *scope, f"slug_{language}"],
            name=f"partnerships_{model_name}_slug_{language}",
            condition=~Q(**{f"slug_{language}": ""}),
            violation_error_message=SLUG_TAKEN,
        )
        for language in LANGUAGES
    ]


class Stage(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class ContentQuerySet(models.QuerySet):
    def public(self):
        """What anonymous readers may see: public copies only."""
        return self.filter(is_public=True)

    def working(self):
        """The copies editors edit (every item, whatever its stage)."""
        return self.filter(is_public=False)

    def needing_translation(self):
        """Working copies with a side missing or older than the other side."""
        model = self.model
        missing = Q()
        for language in LANGUAGES:
            for name in model.REQUIRED_TEXT:
                missing |= Q(**{f"{name}_{language}": ""})
        return self.working().filter(missing | Q(stale_en=True) | Q(stale_fr=True))


class Content(Versioned):
    """What chapters, sections and case studies share: the copies, the workflow, the sides.

    Subclasses name their translated texts: ``REQUIRED_TEXT`` (both languages needed to
    publish) and ``OPTIONAL_TEXT``; together they are what the translation queue compares.
    """

    REQUIRED_TEXT: tuple[str, ...] = ("title",)
    OPTIONAL_TEXT: tuple[str, ...] = ()

    title = models.CharField(
        _("title"), max_length=SHORT_TEXT, help_text=_("The title readers see.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=120,
        help_text=_(
            "The last part of the page's address, in lower-case letters, digits and hyphens; "
            "made from the title when left empty."
        ),
    )
    is_public = models.BooleanField(
        _("public copy"),
        default=False,
        editable=False,
        help_text=_("The copy anonymous readers see, written when the item is published."),
    )
    public_copy = models.OneToOneField(
        "self",
        verbose_name=_("public copy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="working_copy",
        help_text=_("The published copy of this working copy, while the item is published."),
    )
    stage = models.CharField(
        _("stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.DRAFT,
        editable=False,
        help_text=_(
            "Where the working copy is: draft, in review, or published (then readers see it)."
        ),
    )
    last_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Who last changed the text: another editor or a co-chair publishes it."),
    )
    modified = models.DateTimeField(
        _("date modified"),
        default=timezone.now,
        editable=False,
        help_text=_("When the content last changed (on a public copy: when it was published)."),
    )
    text_changed_en = models.DateTimeField(
        _("English text changed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the English side last changed or was marked up to date."),
    )
    text_changed_fr = models.DateTimeField(
        _("French text changed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the French side last changed or was marked up to date."),
    )
    stale_en = models.BooleanField(
        _("English text out of date"),
        default=False,
        editable=False,
        help_text=_("The French text changed after the English text was last brought up to date."),
    )
    stale_fr = models.BooleanField(
        _("French text out of date"),
        default=False,
        editable=False,
        help_text=_("The English text changed after the French text was last brought up to date."),
    )
    text_changed_by_en = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("English text changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    text_changed_by_fr = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("French text changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    # --- The two sides ------------------------------------------------------------------

    @classmethod
    def text_fields(cls) -> tuple[str, ...]:
        return (*cls.REQUIRED_TEXT, *cls.OPTIONAL_TEXT)

    def missing_sides(self) -> list[str]:
        """The languages in which a required text is empty."""
        return [
            language
            for language in LANGUAGES
            if any(not in_language(self, name, language).strip() for name in self.REQUIRED_TEXT)
        ]

    def stale_sides(self) -> list[str]:
        """The languages whose text is older than the other language's last change."""
        return [language for language in LANGUAGES if getattr(self, f"stale_{language}")]

    @property
    def is_published(self) -> bool:
        return self.public_copy_id is not None


class PartnershipModel(models.Model):
    """A way of working together (co-location, a shared front counter…): a list editors keep."""

    key = models.SlugField(
        _("key"), unique=True, help_text=_("Short stable identifier, e.g. “co-location”.")
    )
    name = models.CharField(_("name"), max_length=SHORT_TEXT, help_text=_("The model's name."))
    description = models.TextField(
        _("description"), blank=True, max_length=1_000, help_text=_("What the model means.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in lists; lower comes first.")
    )

    class Meta:
        verbose_name = _("partnership model")
        verbose_name_plural = _("partnership models")
        ordering = ["order", "key"]

    def __str__(self):
        return self.name


class Contact(models.Model):
    """A person or an office readers can reach about a partnership or the guide."""

    name = models.CharField(
        _("name"), max_length=SHORT_TEXT, help_text=_("A person's name, or an office's.")
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="partnership_contacts",
        help_text=_("The organization the contact belongs to."),
    )
    role = models.CharField(
        _("role"),
        max_length=SHORT_TEXT,
        blank=True,
        help_text=_("Job title, or what the office does."),
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Work email address."))
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, help_text=_("With the area code.")
    )
    for_guide = models.BooleanField(
        _("contact for the guide"),
        default=False,
        help_text=_("Listed on the guide's contact page, for questions about the guide itself."),
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organization.short_name})"


class Chapter(Content):
    REQUIRED_TEXT = ("title",)
    OPTIONAL_TEXT = ("introduction",)

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The chapter's place in the guide: 1 comes first.")
    )
    introduction = RichTextField(
        _("introduction"), blank=True, max_length=20_000, help_text=_("Text before the sections.")
    )

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["number", "pk"]
        constraints = unique_slugs("chapter")

    def get_absolute_url(self):
        return reverse("partnerships:chapter", kwargs={"slug": self.slug})


class Section(Content):
    REQUIRED_TEXT = ("title", "body")

    chapter = models.ForeignKey(
        Chapter,
        verbose_name=_("chapter"),
        on_delete=models.CASCADE,
        related_name="sections",
        help_text=_("The chapter the section belongs to."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in the chapter; lower comes first.")
    )
    body = RichTextField(_("text"), max_length=50_000, help_text=_("The section's text."))

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["chapter__number", "order", "pk"]
        constraints = unique_slugs("section", "chapter")

    def get_absolute_url(self):
        return self.chapter.get_absolute_url() + f"#{self.slug}"


class CaseStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PILOT = "pilot", _("Pilot")
    ENDED = "ended", _("Ended")


def _image_size(file) -> None:
    if file and file.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is larger than %(size)s MB: make it smaller."),
            code="image-size",
            params={"size": IMAGE_MAX_BYTES // (1024 * 1024)},
        )


def _this_year_and_next() -> int:
    return timezone.localdate().year + 1


class CaseStudy(Content):
    REQUIRED_TEXT = ("title", "summary")
    OPTIONAL_TEXT = ("outcomes", "lessons", "image_alt")

    summary = RichTextField(
        _("summary"), max_length=5_000, help_text=_("The partnership in a few sentences.")
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("partner organizations"),
        related_name="case_studies",
        help_text=_("The governments and organizations working together, of any order."),
    )
    partnership_models = models.ManyToManyField(
        PartnershipModel,
        verbose_name=_("partnership models"),
        related_name="case_studies",
        blank=True,
        help_text=_("How the partners work together."),
    )
    services = models.ManyToManyField(
        Service,
        verbose_name=_("services involved"),
        related_name="case_studies",
        blank=True,
        help_text=_("The services clients get through the partnership."),
    )
    province = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=Province.choices,
        blank=True,
        help_text=_("Where the partnership runs; empty for one across Canada."),
    )
    place = models.CharField(
        _("place"),
        max_length=SHORT_TEXT,
        blank=True,
        help_text=_("The community or region, if the partnership is local."),
    )
    year_started = models.PositiveSmallIntegerField(
        _("year started"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the partnership began."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CaseStatus.choices,
        default=CaseStatus.ACTIVE,
        help_text=_("Active, pilot, or ended."),
    )
    outcomes = RichTextField(
        _("outcomes for clients"),
        blank=True,
        max_length=10_000,
        help_text=_("What changed for the people served."),
    )
    lessons = RichTextField(
        _("lessons learned"),
        blank=True,
        max_length=10_000,
        help_text=_("What other jurisdictions can learn from it."),
    )
    contacts = models.ManyToManyField(
        Contact,
        verbose_name=_("contacts"),
        related_name="case_studies",
        blank=True,
        help_text=_("Whom readers can reach about the partnership."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="case-studies/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_TYPES), _image_size],
        help_text=_("Optional: a JPEG, PNG or WebP picture of at most 2 MB."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it (needed with an image)."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Highlighted on the guide's home page and in the council report."),
    )
    featured_on = models.DateField(
        _("featured on"),
        null=True,
        blank=True,
        help_text=_("The date it was featured, e.g. the meeting where it was presented."),
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        ordering = ["title", "pk"]
        constraints = unique_slugs("casestudy")

    def get_absolute_url(self):
        return reverse("partnerships:case_study", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.image:
            for language in LANGUAGES:
                if not in_language(self, "image_alt", language).strip():
                    errors[f"image_alt_{language}"] = _(
                        "Describe the image in both languages, for people who cannot see it."
                    )
        if self.featured and self.featured_on is None:
            errors["featured_on"] = _("Give the date it was featured.")
        if self.year_started and self.year_started > _this_year_and_next():
            errors["year_started"] = _("The year started cannot be in the future.")
        if errors:
            raise ValidationError(errors)


# Kinds of items, by the name URLs and the translation queue use for them.
CONTENT_MODELS: dict[str, type[Content]] = {
    "chapter": Chapter,
    "section": Section,
    "case-study": CaseStudy,
}


def kind_of(item: Content) -> str:
    return next(kind for kind, model in CONTENT_MODELS.items() if isinstance(item, model))


class SearchEntry(models.Model):
    """One published item's words in one language, as the guide's search reads them.

    Written when an item is published or unpublished (partnerships/search.py), from public
    copies only: what search finds is public by construction.
    """

    kind = models.CharField(
        _("kind"), max_length=20, help_text=_("Chapter, section or case study.")
    )
    item_id = models.PositiveBigIntegerField(_("item"), help_text=_("The public copy's key."))
    language = models.CharField(_("language"), max_length=2, help_text=_("en or fr."))
    title = models.CharField(_("title"), max_length=SHORT_TEXT, help_text=_("The title."))
    url = models.CharField(_("address"), max_length=500, help_text=_("The page's address."))
    text = models.TextField(_("text"), help_text=_("The words of the item, without markup."))
    folded = models.TextField(
        _("folded text"),
        help_text=_("Title and text in lower case without accents, for the simple search."),
    )
    modified = models.DateTimeField(_("date modified"), default=timezone.now)
    # PostgreSQL only (migration 0005 indexes it): the title and text as stemmed, unaccented
    # words, written with them, so that a search reads an index instead of every entry's text.
    document = SearchVectorField(
        _("words found by search"),
        null=True,
        editable=False,
        help_text=_("The title and text as search reads them (PostgreSQL)."),
    )

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "item_id", "language"], name="partnerships_search_entry"
            )
        ]
        indexes = [models.Index(fields=["language"], name="partnerships_search_language")]

    def __str__(self):
        return f"{self.kind} {self.item_id} ({self.language})"
