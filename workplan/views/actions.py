from workplan.views._stub import stub

action_detail = update_create = action_edit = update_translate = stub
activity_create = activity_edit = action_create = stub
