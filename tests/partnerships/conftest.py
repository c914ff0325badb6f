"""Fixtures of the guide's tests: published content made through the workflow
(tests/partnerships/public_content.py). A test module's own fixture of the same name wins."""

from tests.partnerships.public_content import author, guide, publisher  # noqa: F401
