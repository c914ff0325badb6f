"""Writes for meetings (what council reports are as of)."""

import datetime

from django.db import transaction

from reports.models import Meeting


@transaction.atomic
def meeting_create(*, date: datetime.date, title_en: str, title_fr: str, kind: str) -> Meeting:
    meeting = Meeting(date=date, title_en=title_en, title_fr=title_fr, kind=kind)
    meeting.full_clean()
    meeting.save()
    return meeting
