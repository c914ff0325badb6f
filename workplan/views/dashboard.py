from workplan.views._stub import stub

dashboard = my_actions = stub
