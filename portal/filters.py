"""What the portal's filtered lists share (django-filter)."""

import django_filters


class FilterSet(django_filters.FilterSet):
    """A FilterSet that says whether it narrows the list (for "N of M shown, clear filters")."""

    @property
    def is_filtered(self) -> bool:
        """True when at least one valid filter narrows the list."""
        form = self.form
        form.is_valid()
        return any(value not in (None, "") for value in getattr(form, "cleaned_data", {}).values())
