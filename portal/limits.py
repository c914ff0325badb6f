"""How long each free text of the portal may be, in characters (the README's table of limits).

Each limit is sized to its use with room to spare: the working group's own plan needs at most
a tenth of it (its longest objective is 191 characters, its longest action 153). The limits
also keep every export within what its format can hold and a council report within seconds:
a status update's three texts together stay far below an Excel cell's 32,767 characters.
"""

# Short names and titles (organizations, people, meetings) keep their CharField max_length.
SHORT_TEXT = 200

OBJECTIVE = 1_500  # an activity's objective
ACTION_DESCRIPTION = 2_000  # an action's description / measure
REMARKS = 2_000  # an action's remarks
RESOURCE = 500  # one resource needed
EXPECTED_RESULT = 1_000  # one expected result
PROGRESS = 4_000  # a status update's progress made
NEXT_STEPS = 2_000  # a status update's next steps
CHALLENGES = 2_000  # a status update's challenges or decisions needed
