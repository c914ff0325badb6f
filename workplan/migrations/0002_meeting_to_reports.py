# Meeting moved to the reports app: its table is renamed, its rows kept. The reports app's
# first migration takes the model over in the migration state (no table is created there).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workplan", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="meeting", table="reports_meeting"),
            ],
            state_operations=[migrations.DeleteModel(name="meeting")],
        ),
    ]
