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

    def fragment_vary(self, *, also: tuple[str, ...] = ("page",)) -> str | None:
        """The valid filters, as a {% fragment %} vary value: the same for every address that
        means the same list. None (fragments.NOT_KEPT) when the form refuses a value or the
        address has parameters other than the filters and `also`: such a page is made for its
        request only, so that no address can fill the cache (and no one's own parameters end
        up in the links another reader is shown)."""
        form = self.form
        if set(self.data) - set(form.fields) - set(also) or not form.is_valid():
            return None
        return "&".join(
            f"{name}={getattr(value, 'pk', value)}"
            for name, value in sorted(form.cleaned_data.items())
            if value not in (None, "")
        )
