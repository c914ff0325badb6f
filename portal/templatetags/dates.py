"""``{{ value|long_date }}``: portal.dates.long_date in templates ("1er décembre 2026")."""

from django import template

from portal.dates import long_date as long_date_words

register = template.Library()


# An aware time is shown in the portal's time zone, as Django's |date shows it.
@register.filter(expects_localtime=True)
def long_date(value, format_name: str = "DATE_FORMAT"):
    if value in (None, ""):
        return ""
    return long_date_words(value, format_name)
