"""The search entries' words stored as a tsvector with a GIN index (PostgreSQL): a search
reads the index instead of making every entry's vector anew. Entries already written get
theirs here; partnerships/search.py writes it from now on. SQLite keeps the column empty."""

import django.contrib.postgres.search
from django.db import migrations

# As partnerships.search.CONFIGURATIONS (a migration keeps its own copy).
CONFIGURATIONS = {"en": "guide_english", "fr": "guide_french"}
INDEX = "partnerships_search_document"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON partnerships_searchentry USING gin (document)"
    )
    for language, config in CONFIGURATIONS.items():
        schema_editor.execute(
            "UPDATE partnerships_searchentry SET document = "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(title, '')), 'A') || "
            f"setweight(to_tsvector('{config}'::regconfig, coalesce(text, '')), 'B') "
            "WHERE language = %s",
            [language],
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0004_stage_help_text")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="document",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="The title and text as search reads them (PostgreSQL).",
                null=True,
                verbose_name="words found by search",
            ),
        ),
        migrations.RunPython(create, drop),
    ]
