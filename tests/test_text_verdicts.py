"""text.verdicts: a verdict of wrong or untrue read from its words, not in neutral uses or taken back."""

from __future__ import annotations

import pytest

from counterclaim.text.verdicts import judges_wrong


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Becerra said the emergency declaration is unwarranted.", True),
        ("Trump attacked the investigation as 'Witch Hunt garbage.'", True),  # marks and case aside
        ("He called the report 'a hoax' on Friday.", True),
        ("She called it a witch hunt.", True),
        ("Pelosi called it a breach of his constitutional duties.", True),
        ("A data breach at the bank exposed passwords.", False),
        ("She will play the witch in the school play.", False),
        ("The plan is not a non-starter, he said.", False),  # taken back by a negation
        ("It isn't absurd to ask.", False),
        ("The propaganda ministry building was sold.", False),
        ("He faces a reckless driving charge.", False),
        ("The fabrication plant in Ohio opened.", False),
        # found by a second review: "false" or "denied" take nothing back; a clause ends a negation
        ("She denied the baseless allegations.", True),
        ("It is a false and misleading report.", True),
        ("No, it's a hoax.", True),
        ("He called them hoaxes and witch hunts.", True),
        ("The claims weren\u2019t baseless.", False),
        ("Garbage collection resumed on Monday.", False),
        ("She missed her smear test.", False),
        ("He was charged with breach of the peace.", False),
        ("Water poured through the dam breach.", False),
    ],
)
def test_a_verdict_of_wrong_or_untrue_is_read_from_its_words(text: str, verdict: bool) -> None:
    assert judges_wrong(text) is verdict
