import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Person
from portal import limits
from portal.fuzzydates import FuzzyDateField
from portal.languages import Language, Shown, in_language, other_language, shown
from portal.locking import Versioned
from portal.roles import Role, has_role


def limited(limit: int) -> dict:
    """The options of a TextField holding at most `limit` characters (see portal/limits.py).

    A TextField's max_length alone only reaches the form (a form field's limit and the text
    area's maxlength); the validator makes the model refuse it too, so that every service's
    full_clean() does, whatever wrote the value. Both languages' columns made by
    modeltranslation copy the field, validator included.
    """
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    ON_HOLD = "on_hold", _("On hold")
    CANCELLED = "cancelled", _("Cancelled")


# An action in one of these states is finished: it can no longer be overdue or go stale.
CLOSED_STATUSES = (Status.COMPLETED, Status.CANCELLED)


class Health(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")


class DeliverableState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    DROPPED = "dropped", _("Dropped")


class Activity(Versioned):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, help_text=_("The activity's number in the work plan.")
    )
    objective = models.TextField(
        _("objective"),
        **limited(limits.OBJECTIVE),
        help_text=_("What the activity sets out to do."),
    )
    priority = models.CharField(
        _("priority"),
        max_length=10,
        choices=Priority.choices,
        default=Priority.MEDIUM,
        help_text=_("How the working group ranks the activity."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in the plan; lower comes first.")
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["order", "number"]

    def __str__(self):
        return _("Activity %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        """The activity's place in the plan (the plan has no page per activity)."""
        return reverse("workplan:plan") + f"#activity-{self.number}"


class ActionQuerySet(models.QuerySet):
    def with_related(self):
        """Everything the plan's table shows, preloaded in a fixed number of queries."""
        return self.select_related("activity").prefetch_related(
            "responsible_organizations",
            "responsible_people__organization",
            "resources",
            "expected_results",
        )

    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        """Open actions whose whole due period has passed."""
        today = today or timezone.localdate()
        return self.open().filter(due_end__lt=today)

    def due_within(self, days: int, today: datetime.date | None = None):
        """Open actions whose due period ends between today and `days` from now."""
        today = today or timezone.localdate()
        return self.open().filter(
            due_end__gte=today, due_end__lte=today + datetime.timedelta(days=days)
        )

    def stale(self, days: int = 90, now: datetime.datetime | None = None):
        """Open actions with no status update in the last `days` days (or none ever)."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=days)
        return self.open().filter(Q(last_updated__isnull=True) | Q(last_updated__lt=cutoff))

    def naming(self, person: Person):
        """Actions that name the person, or the person's organization, as responsible."""
        return self.filter(
            Q(responsible_people=person) | Q(responsible_organizations=person.organization_id)
        ).distinct()


class Action(Versioned):
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="actions",
        help_text=_("The activity this action serves."),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Position within the activity: 2 for action 1.2.")
    )
    description = models.TextField(
        _("description / measure"),
        **limited(limits.ACTION_DESCRIPTION),
        help_text=_("What will be done, as the plan words it."),
    )
    responsible_organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("responsible organizations"),
        blank=True,
        related_name="actions",
        help_text=_("Organizations accountable for the action."),
    )
    responsible_people = models.ManyToManyField(
        Person,
        verbose_name=_("responsible people"),
        blank=True,
        related_name="actions",
        help_text=_("People accountable for the action."),
    )
    start = FuzzyDateField(
        _("start date"),
        blank=True,
        help_text=_("A day, month, season, quarter or year, “Ongoing” or “To be determined”."),
    )
    due = FuzzyDateField(
        _("due date"),
        blank=True,
        help_text=_("A day, month, season, quarter or year, “Ongoing” or “To be determined”."),
    )
    # Last day of the due period, kept beside `due` so the database can filter overdue and
    # upcoming actions; written only by `Action.save()` from `due`.
    due_end = models.DateField(_("end of due period"), null=True, editable=False, db_index=True)
    remarks = models.TextField(
        _("remarks"),
        blank=True,
        **limited(limits.REMARKS),
        help_text=_("Anything else to note."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NOT_STARTED,
        help_text=_("Set by the latest status update."),
    )
    health = models.CharField(
        _("health"),
        max_length=20,
        choices=Health.choices,
        blank=True,
        help_text=_("Set by the latest status update."),
    )
    last_updated = models.DateTimeField(
        _("last updated"), null=True, blank=True, help_text=_("When the latest update was posted.")
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["activity__order", "activity__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "number"], name="unique_action_number")
        ]

    def __str__(self):
        return _("Action %(code)s") % {"code": self.code}

    def save(self, *args, **kwargs):
        self.due_end = self.due.end if self.due else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "due" in update_fields:
            kwargs["update_fields"] = {*update_fields, "due_end"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("workplan:action", args=[self.pk])

    @property
    def code(self):
        return f"{self.activity.number}.{self.number}"

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.due) and not self.is_closed and self.due.is_past(today)


class Resource(models.Model):
    """One item of the "resources needed (staff, funding, etc.)" column."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="resources", verbose_name=_("action")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(
        _("description"),
        **limited(limits.RESOURCE),
        help_text=_("Staff, funding or other means the action needs."),
    )

    class Meta:
        verbose_name = _("resource needed")
        verbose_name_plural = _("resources needed")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.description


class ExpectedResult(models.Model):
    """A deliverable the action promises, tracked on its own."""

    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        related_name="expected_results",
        verbose_name=_("action"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(
        _("description"),
        **limited(limits.EXPECTED_RESULT),
        help_text=_("What will be delivered."),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=DeliverableState.choices,
        default=DeliverableState.PLANNED,
        help_text=_("Where the deliverable stands."),
    )
    date = FuzzyDateField(
        _("date"), blank=True, help_text=_("When it is expected or was delivered (optional).")
    )

    class Meta:
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.description


class StatusUpdate(Versioned):
    """A dated progress report on an action, written by a member in their own language.

    Its translation into the other official language may follow, added or corrected later
    (see `may_be_translated_by`); an edit of it is versioned like an edit of the plan, and its
    history keeps who changed what, when.
    """

    TEXT_FIELDS = ("progress", "next_steps", "challenges")

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="status_updates",
        verbose_name=_("author"),
    )
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The day the update reports on.")
    )
    created = models.DateTimeField(_("posted"), default=timezone.now, editable=False)
    language = models.CharField(
        _("language written in"),
        max_length=2,
        choices=Language.choices,
        help_text=_("The official language the update was written in."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        help_text=_("The action's status as of this update."),
    )
    health = models.CharField(
        _("health"),
        max_length=20,
        choices=Health.choices,
        help_text=_("Is the action on track to deliver its expected results?"),
    )
    progress = models.TextField(
        _("progress made"),
        **limited(limits.PROGRESS),
        help_text=_("What was done since last time."),
    )
    next_steps = models.TextField(
        _("next steps"),
        blank=True,
        **limited(limits.NEXT_STEPS),
        help_text=_("What comes next."),
    )
    challenges = models.TextField(
        _("challenges or decisions needed"),
        blank=True,
        **limited(limits.CHALLENGES),
        help_text=_("Obstacles, risks, or decisions the working group must take."),
    )
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_updates_translated",
        verbose_name=_("translated by"),
        help_text=_("Who last saved the translation into the other official language."),
    )
    translated_at = models.DateTimeField(
        _("translated at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the translation was last saved."),
    )
    # The one-time token of the form the update was posted from: the same form sent twice
    # (a double click, a resent request) finds its update instead of storing a second one.
    submission_token = models.UUIDField(
        _("submission token"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["-date", "-created"]
        indexes = [models.Index(fields=["action", "-date", "-created"])]

    def __str__(self):
        return _("Update of %(date)s") % {"date": self.date.isoformat()}

    def get_absolute_url(self):
        """The update on its action's page."""
        return reverse("workplan:action", args=[self.action_id]) + f"#update-{self.pk}"

    def clean(self):
        # A date that failed its own validation is left as typed: only a real date is checked.
        if isinstance(self.date, datetime.date) and self.date > timezone.localdate():
            raise ValidationError(
                {"date": ValidationError(_("The date cannot be in the future."), code="future")}
            )

    def may_be_translated_by(self, user) -> bool:
        """Whether `user` may add or correct this update's translation.

        An update speaks for its author's organization: the author, and the people of the same
        organization (who answer for what it reports, often translate for one another, and
        take over when the author is away), may put it in the other official language. The
        co-chairs answer for the whole plan in both languages before the council, so they may
        correct any translation; superusers administer everything. Anyone else could make an
        organization say, in the other language, what it did not say: refused.
        """
        if not user.is_authenticated:
            return False
        if has_role(user, Role.COCHAIR) or user.pk == self.author_id:
            return True
        if not has_role(user, Role.MEMBER):
            return False
        organization = _organization_id(self.author)
        return organization is not None and organization == _organization_id(user)

    def shown(self, field: str, language: str | None = None) -> Shown:
        """The field in the reader's language, or the original with its language until then."""
        return shown(self, field, language, original=self.language)

    @property
    def is_translated(self) -> bool:
        return bool(in_language(self, "progress", other_language(self.language)))

    @property
    def progress_shown(self):
        return self.shown("progress")

    @property
    def next_steps_shown(self):
        return self.shown("next_steps")

    @property
    def challenges_shown(self):
        return self.shown("challenges")


def _organization_id(user) -> int | None:
    """The organization of a user's directory entry, if they have one."""
    person = getattr(user, "person", None)
    return person.organization_id if person is not None else None


def responsible_names(organizations, people) -> list[str]:
    """As the plan names them: organizations by acronym, people with their organization."""
    return [o.short_name for o in organizations] + [p.name_with_organization for p in people]
