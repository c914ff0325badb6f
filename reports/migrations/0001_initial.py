# The Meeting model, moved here from the work plan (workplan 0002 renamed its table): state only.
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("workplan", "0002_meeting_to_reports")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Meeting",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(help_text="The day of the meeting.", verbose_name="date")),
                        ("title", models.CharField(help_text="E.g. “PSSDC spring meeting”.", max_length=200, verbose_name="title")),
                        ("title_en", models.CharField(help_text="E.g. “PSSDC spring meeting”.", max_length=200, null=True, verbose_name="title")),
                        ("title_fr", models.CharField(help_text="E.g. “PSSDC spring meeting”.", max_length=200, null=True, verbose_name="title")),
                        ("kind", models.CharField(choices=[("council", "Council meeting (PSSDC)"), ("working_group", "Working-group meeting"), ("in_person", "In-person meeting")], default="council", help_text="Council, working-group or in-person meeting.", max_length=20, verbose_name="kind")),
                    ],
                    options={
                        "verbose_name": "meeting",
                        "verbose_name_plural": "meetings",
                        "ordering": ["-date"],
                    },
                ),
            ],
        ),
    ]
