"""Static files the portal takes from Python packages rather than from its own static/."""

import xstatic.pkg.jquery_ui
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


class JQueryUIFinder(BaseFinder):
    """jQuery UI's script for the admin's translation tabs, and nothing else from the package.

    XStatic-jQuery-UI's theme stylesheets cite images the package does not ship, which the
    manifest storage of `collectstatic` cannot resolve; the portal needs only the script.
    """

    prefix = "jquery-ui"
    name = "jquery-ui.min.js"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=xstatic.pkg.jquery_ui.BASE_DIR)
        self.storage.prefix = self.prefix

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path == f"{self.prefix}/{self.name}":
            found = self.storage.path(self.name)
            return [found] if find_all else found
        return []

    def list(self, ignore_patterns):
        yield self.name, self.storage
