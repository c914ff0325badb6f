"""Forms of the guide's editing pages: they validate; partnerships/workflow.py writes.

Every translated text is two form fields, labelled with their language ("Title (English)",
"Title (French)") and marked with its `lang`. Rich texts use the portal's rich-text editor
(django-prose-editor, limited to what portal/richtext.py keeps); whatever a browser sends is
sanitised again on the server when the item is saved. The item forms carry the version they
were loaded with (portal/locking.py): an edit based on an older version is refused.
"""

from __future__ import annotations

from django import forms
from django.forms import Script
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget, prose_editor_base_media, prose_editor_js
from js_asset import Media

from directory.models import Organization, Service
from partnerships.models import (
    CaseStudy,
    Chapter,
    Contact,
    PartnershipModel,
    Section,
)
from portal.forms import ModelMultipleChoiceField, bilingual_labels, bilingual_text_areas
from portal.languages import LANGUAGES
from portal.locking import VERSION_FIELD, VersionedFormMixin

# A revision's comment is kept by django-simple-history in a column of 100 characters.
COMMENT_MAX = 100

# The editor's tools: exactly what portal/richtext.sanitize keeps (headings h2–h4, emphasis,
# lists, quotes, rules, links, line breaks). Tables are left out: the editor's table tools
# write style attributes, which the Content-Security-Policy refuses.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "History": True,
    # The browser's spell checking helps in both languages (the package turns it off).
    "NoSpellCheck": False,
}


class RichTextEditor(ProseEditorWidget):
    """django-prose-editor's widget, started by static/js/guide-editor.js.

    The package's own starter ("configurable" preset) creates the editor with Tiptap's default
    of inserting a <style> element, which the portal's Content-Security-Policy (style-src
    'self') refuses: guide-editor.js starts the same editor without it (its rules are in
    static/css/portal.css). The media's import map is an inline script: render it with the
    request's nonce (``{% media_with_nonce form.media %}``, portal/templatetags/media.py).
    """

    def __init__(self, language: str | None = None, attrs=None):
        attrs = {"rows": 8, **(attrs or {})}
        if language:
            attrs["lang"] = language
        super().__init__(attrs=attrs, config={"extensions": EDITOR_EXTENSIONS}, preset="guide")

    @property
    def media(self):
        return prose_editor_base_media + Media(
            js=[prose_editor_js, Script("js/guide-editor.js", type="module")]
        )


def rich_text_editors(*names: str) -> dict[str, RichTextEditor]:
    return {
        f"{name}_{language}": RichTextEditor(language) for name in names for language in LANGUAGES
    }


def text_inputs(*names: str) -> dict[str, forms.TextInput]:
    return {
        f"{name}_{language}": forms.TextInput(attrs={"lang": language})
        for name in names
        for language in LANGUAGES
    }


class ContentForm(VersionedFormMixin, forms.ModelForm):
    """What the item forms share: both languages of every text, and the revision's comment."""

    comment = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=COMMENT_MAX,
        help_text=_("Optional: a few words kept with this revision, e.g. “Updated the contacts”."),
    )

    # The item's translated texts, in the order the form shows them.
    TEXTS: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stored image, before the form's validation sets the instance's to the upload.
        self.stored_image = getattr(self.instance, "image", None)
        self.stored_image = self.stored_image.name if self.stored_image else ""

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"title_{language}") or "").strip() for language in LANGUAGES):
            self.add_error(
                f"title_{LANGUAGES[0]}", _("Give the item a title in English or French.")
            )
        return cleaned

    def item_fields(self) -> dict:
        """The cleaned values the workflow writes (not the links, version or comment)."""
        m2m = set(self.m2m_names())
        fields = {}
        for name, value in self.cleaned_data.items():
            if name in m2m or name in (VERSION_FIELD, "comment"):
                continue
            if name == "image":
                if value is None or getattr(value, "name", None) == self.stored_image:
                    continue  # unchanged (the stored file, or no file either way)
                value = value or ""  # False: the "clear" box was ticked
            fields[name] = value
        return fields

    def m2m_names(self) -> list[str]:
        return [
            field.name for field in self._meta.model._meta.many_to_many if field.name in self.fields
        ]

    def item_m2m(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in self.m2m_names()}

    def rows(self) -> list[list]:
        """The visible fields in the form's order, each translated text's two languages
        together (English, French) so that the page shows them side by side."""
        rows, paired = [], set()
        for name, field in self.fields.items():
            if name in paired or field.widget.is_hidden:
                continue
            base, _sep, language = name.rpartition("_")
            if language == LANGUAGES[0] and base in self.TEXTS:
                names = [f"{base}_{other}" for other in LANGUAGES]
                paired.update(names)
                rows.append([self[other] for other in names])
            else:
                rows.append([self[name]])
        return rows


class ChapterForm(ContentForm):
    TEXTS = ("title", "slug", "introduction")

    class Meta:
        model = Chapter
        fields = ("number", "title_en", "title_fr", "slug_en", "slug_fr")
        fields += ("introduction_en", "introduction_fr")
        labels = bilingual_labels(
            title=_("Title"), slug=_("Address"), introduction=_("Introduction")
        )
        widgets = {**text_inputs("title", "slug"), **rich_text_editors("introduction")}


class WorkingChapterField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class SectionForm(ContentForm):
    TEXTS = ("title", "slug", "body")

    chapter = WorkingChapterField(
        label=_("Chapter"),
        queryset=Chapter.objects.none(),
        help_text=_("The chapter the section belongs to."),
    )

    class Meta:
        model = Section
        fields = ("chapter", "order", "title_en", "title_fr", "slug_en", "slug_fr")
        fields += ("body_en", "body_fr")
        labels = bilingual_labels(title=_("Title"), slug=_("Address"), body=_("Text"))
        widgets = {**text_inputs("title", "slug"), **rich_text_editors("body")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chapter"].queryset = Chapter.objects.working().order_by("number", "pk")


class NamedChoiceField(ModelMultipleChoiceField):
    """Checkboxes naming each choice by its full name, in the reader's language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(*args, **kwargs)


class CaseStudyForm(ContentForm):
    TEXTS = ("title", "slug", "summary", "outcomes", "lessons", "image_alt")

    organizations = NamedChoiceField(
        label=_("Partner organizations"),
        queryset=Organization.objects.none(),
        help_text=_("The governments and organizations working together, of any order."),
        error_messages={"required": _("Choose at least one partner organization.")},
    )
    partnership_models = NamedChoiceField(
        label=_("Partnership models"),
        queryset=PartnershipModel.objects.none(),
        required=False,
        help_text=_("How the partners work together."),
    )
    services = NamedChoiceField(
        label=_("Services involved"),
        queryset=Service.objects.none(),
        required=False,
        help_text=_("The services clients get through the partnership."),
    )
    contacts = NamedChoiceField(
        label=_("Contacts"),
        queryset=Contact.objects.none(),
        required=False,
        help_text=_("Whom readers can reach about the partnership."),
    )
    image = forms.ImageField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Optional: a JPEG, PNG or WebP picture of at most 2 MB."),
    )

    class Meta:
        model = CaseStudy
        fields = (
            "title_en",
            "title_fr",
            "slug_en",
            "slug_fr",
            "summary_en",
            "summary_fr",
            "organizations",
            "partnership_models",
            "services",
            "province",
            "place",
            "year_started",
            "status",
            "outcomes_en",
            "outcomes_fr",
            "lessons_en",
            "lessons_fr",
            "contacts",
            "image",
            "image_alt_en",
            "image_alt_fr",
            "featured",
            "featured_on",
        )
        labels = bilingual_labels(
            title=_("Title"),
            slug=_("Address"),
            summary=_("Summary"),
            outcomes=_("Outcomes for clients"),
            lessons=_("Lessons learned"),
            image_alt=_("Image description"),
        )
        widgets = {
            **text_inputs("title", "slug", "image_alt"),
            **rich_text_editors("summary", "outcomes", "lessons"),
            "featured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set per form: modeltranslation orders by the name in the language active now.
        self.fields["organizations"].queryset = Organization.objects.order_by("name")
        self.fields["partnership_models"].queryset = PartnershipModel.objects.all()
        self.fields["services"].queryset = Service.objects.order_by("name")
        self.fields["contacts"].queryset = Contact.objects.select_related("organization")


ITEM_FORMS: dict[str, type[ContentForm]] = {
    "chapter": ChapterForm,
    "section": SectionForm,
    "case-study": CaseStudyForm,
}


# --- The lists editors keep -----------------------------------------------------------------


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ("name", "organization", "role_en", "role_fr", "email", "phone", "for_guide")
        labels = bilingual_labels(role=_("Role"))
        widgets = text_inputs("role")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name")


class PartnershipModelForm(forms.ModelForm):
    class Meta:
        model = PartnershipModel
        fields = ("key", "name_en", "name_fr", "description_en", "description_fr", "order")
        labels = bilingual_labels(name=_("Name"), description=_("Description"))
        widgets = {**text_inputs("name"), **bilingual_text_areas("description")}
