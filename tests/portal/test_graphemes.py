"""Characters as readers see them: exports break and cut between clusters, never inside one."""

from portal.exports.graphemes import MOST_MARKS, cluster_start, clusters

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
WAVE_DARK = "\U0001f44b\U0001f3ff"  # waving hand, dark skin tone
CANADA = "\U0001f1e8\U0001f1e6"  # regional indicators C A
E_ACUTE = "e\u0301"  # e + combining acute accent


def test_ascii_is_one_character_a_cluster():
    assert clusters("ab 12") == ["a", "b", " ", "1", "2"]


def test_accents_emoji_modifiers_joined_families_and_flags_are_one_cluster_each():
    assert clusters(f"{E_ACUTE}{WAVE_DARK}{FAMILY}{CANADA}{CANADA}x") == [
        E_ACUTE,
        WAVE_DARK,
        FAMILY,
        CANADA,
        CANADA,
        "x",
    ]


def test_a_pile_of_marks_is_cut_to_the_stream_safe_limit_only_when_asked():
    zalgo = "a" + "\u0301" * 100
    assert clusters(zalgo) == [zalgo]
    assert clusters(zalgo + "b", most_marks=MOST_MARKS) == ["a" + "\u0301" * MOST_MARKS, "b"]


def test_a_cut_moves_back_to_the_start_of_the_cluster_it_would_split():
    text = f"ab{FAMILY}c"
    assert cluster_start(text, 3) == 2  # inside the family
    assert cluster_start(text, 2) == 2  # at its start
    assert cluster_start(text, 2 + len(FAMILY)) == 2 + len(FAMILY)
    assert cluster_start(f"caf{E_ACUTE}", 4) == 3  # between the e and its accent
    assert cluster_start("plain", 3) == 3
    assert cluster_start("short", 99) == 99
