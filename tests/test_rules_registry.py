"""Every rule code applies (`pipeline.rules.ALL_RULES`) has a name of its own and a table test that
feeds it a minimal case and checks its decision.

Each rule test module names the rules its tables check (`EXERCISED`, built from the tables' expected
rules, so a rule is listed only if a case asserts its decision); this test gathers them.
"""

from __future__ import annotations

import importlib
from collections import Counter

from counterclaim.pipeline.rules import ALL_RULES
from counterclaim.pipeline.trace import Rule

RULE_TEST_MODULES = [
    "test_pipeline_requests",
    "test_rules_answers",
    "test_rules_non_actors",
    "test_rules_statements",
    "test_rules_placement",
    "test_rules_attribution",
    "test_rules_claim_kinds",
    "test_rules_propositions",
    "test_rules_translation",
    "test_rules_actor_names",
    "test_rules_sentence_speakers",
    "test_rules_reported_content",
    "test_rules_speakers_passed_over",
    "test_rules_duplicates",
    "test_rules_shared_sentences",
    "test_rules_quotations",
    "test_rules_narration",
    "test_rules_pairing",
    "test_rules_acceptance",
    "test_rules_explanations",
    "test_rules_summary_support",
    "test_rules_quotes",
]


def exercised() -> dict[str, set[Rule]]:
    """The rules each rule test module's tables check, by module."""
    return {name: set(importlib.import_module(name).EXERCISED) for name in RULE_TEST_MODULES}


def test_every_rule_has_a_name_of_its_own_and_says_what_it_does() -> None:
    counts = Counter(rule.name for rule in ALL_RULES)
    assert [name for name, n in counts.items() if n > 1] == []
    for rule in ALL_RULES:
        family, _, name = rule.name.partition(".")
        assert family and name and rule.name == rule.name.lower(), rule.name
        assert rule.does.strip(), rule.name


def test_every_rule_is_checked_by_a_table_test() -> None:
    checked = set().union(*exercised().values())
    missing = [rule.name for rule in ALL_RULES if rule not in checked]
    assert missing == [], f"rules no table test checks: {missing}"
    unknown = [rule.name for rule in checked if rule not in ALL_RULES]
    assert unknown == [], f"rules checked but not in ALL_RULES (the run files would not list them): {unknown}"


def test_the_docs_list_the_rules_in_force() -> None:
    """docs/how-it-works.md carries the table `scripts/rules_table.py` writes from ALL_RULES."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).parents[1] / "scripts" / "rules_table.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
