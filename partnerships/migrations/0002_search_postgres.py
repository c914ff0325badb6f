"""On PostgreSQL, what the guide's search needs: the unaccent extension and a text search
configuration per official language that folds accents ("reseau" finds "réseau") and stems
words ("partenariats" finds "partenariat"). SQLite needs neither (partnerships/search.py)."""

from django.db import migrations

CONFIGURATIONS = {"english": "guide_english", "french": "guide_french"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for base, name in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS.values():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
