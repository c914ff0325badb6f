"""A file sent to the browser as a download, named in the reader's language."""

import datetime

from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header


def file_name(stem, *, day: datetime.date, language: str, extension: str) -> str:
    """ "progress-report-2026-11-28-en.pdf" / "rapport-etape-2026-11-28-fr.pdf".

    `stem` is a lazy string (``pgettext_lazy("file name", …)``), read in `language`.
    """
    with translation.override(language):
        return f"{stem}-{day.isoformat()}-{language}.{extension}"


def attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
