"""Meetings: what a council progress report is "as of"."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.dates import validate_plausible_date
from portal.limits import SHORT_TEXT


class MeetingKind(models.TextChoices):
    COUNCIL = "council", _("Council meeting (PSSDC)")
    WORKING_GROUP = "working_group", _("Working-group meeting")
    IN_PERSON = "in_person", _("In-person meeting")


class MeetingQuerySet(models.QuerySet):
    def previous_to(self, meeting):
        """The meeting of the same kind just before this one, if any."""
        return (
            self.filter(kind=meeting.kind, date__lt=meeting.date).order_by("-date", "-pk").first()
        )


class Meeting(models.Model):
    """A meeting the plan's progress is reported to: what a report is "as of"."""

    date = models.DateField(
        _("date"), validators=[validate_plausible_date], help_text=_("The day of the meeting.")
    )
    title = models.CharField(
        _("title"), max_length=SHORT_TEXT, help_text=_("E.g. “PSSDC spring meeting”.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.COUNCIL,
        help_text=_("Council, working-group or in-person meeting."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date"]

    def __str__(self):
        return self.title
