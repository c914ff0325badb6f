from workplan.views._stub import stub

report = report_download = meeting_create = plan_export = stub
