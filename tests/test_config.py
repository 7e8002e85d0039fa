from __future__ import annotations

import json
from pathlib import Path

import pytest

from prospect.config import default_config_text, load_config, parse_config
from prospect.errors import ConfigError

ROOT = Path(__file__).parent.parent


def test_repo_rules_file_is_the_packaged_one():
    assert (ROOT / "signals.yaml").read_text("utf-8") == default_config_text()


def test_defaults_load_and_are_sensible():
    cfg = parse_config(default_config_text())
    assert cfg.daily_limit == 10
    assert cfg.cooldown_days == 30
    assert "Chief Marketing Officer" in cfg.target_roles
    assert cfg.signals["funding_round"].extra["rounds"]["series_b"] == 1.0
    assert {r.name for r in cfg.rules} == {"expansion", "acquisition"}


def test_missing_file_means_defaults(tmp_path: Path):
    assert load_config(tmp_path / "nope.yaml").daily_limit == 10


def test_partial_file_merges_with_defaults(tmp_path: Path):
    path = tmp_path / "signals.yaml"
    path.write_text("daily_limit: 5\nsignals:\n  funding_round:\n    weight: 2\n")
    cfg = load_config(path)
    assert cfg.daily_limit == 5
    assert cfg.signals["funding_round"].weight == 2.0
    # untouched siblings keep their defaults
    assert cfg.signals["funding_round"].half_life_days == 21
    assert cfg.signals["executive_hire"].weight == 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily_limt: 5\n", "signals.yaml:1: daily_limt: unknown key"),
        ("daily_limit: ten\n", "signals.yaml:1: daily_limit: expected a whole number, got 'ten'"),
        (
            "signals:\n  funding_round:\n    weight: high\n",
            "signals.yaml:3: signals.funding_round.weight: expected a number, got 'high'",
        ),
        (
            "rules:\n  - name: x\n    pattern: '(unclosed'\n",
            "signals.yaml:3: rules[0].pattern: expected a valid regular expression",
        ),
        ("target_roles: CMO\n", "signals.yaml:1: target_roles: expected a list, got a string"),
        ("rules:\n  - name: x\n", "signals.yaml:2: rules[0]: expected 'phrases' or 'pattern'"),
        ("daily_limit: [1\n", "signals.yaml:2: not valid YAML"),
        ("- a\n- b\n", "signals.yaml:1: expected a mapping of settings at the top level"),
        (
            "cooldown_days: -3\n",
            "signals.yaml:1: cooldown_days: expected a number of days from 0 to 36500, got -3",
        ),
        (
            "cooldown_days: 100000000\n",
            "signals.yaml:1: cooldown_days: expected a number of days from 0 to 36500",
        ),
        (
            "signals:\n  job_change:\n    half_life_days: 0\n",
            "signals.yaml:3: signals.job_change.half_life_days: "
            "expected a number of days above zero",
        ),
        (
            "rules:\n  - name: x\n    phrases: [a]\n    half_life_days: -1\n",
            "signals.yaml:4: rules[0].half_life_days: expected a number of days above zero",
        ),
        (
            "signals:\n  funding_round:\n    weight: -1\n",
            "signals.yaml:3: signals.funding_round.weight: expected a number of zero or more",
        ),
        (
            "rules:\n  - name: x\n    phrases: [a]\n    weight: -0.5\n",
            "signals.yaml:4: rules[0].weight: expected a number of zero or more",
        ),
        (
            "signals:\n  job_change:\n    weight: .nan\n",
            "signals.yaml:3: signals.job_change.weight: expected a finite number, got nan",
        ),
        (
            "rules:\n  - name: x\n    phrases: [a]\n    weight: .inf\n",
            "signals.yaml:4: rules[0].weight: expected a finite number, got inf",
        ),
        ("max_age_days: 0\n", "signals.yaml:1: max_age_days: expected a number of days above zero"),
        ("daily_limit: -1\n", "signals.yaml:1: daily_limit: expected a number of zero or more"),
        (
            "ranking:\n  per_company: -2\n",
            "signals.yaml:2: ranking.per_company: expected a number of zero or more",
        ),
        (
            "ranking:\n  warmth:\n    recent_days: -5\n",
            "signals.yaml:3: ranking.warmth.recent_days: expected a number of days from 0",
        ),
        (
            "ranking:\n  fit:\n    target_role: -0.5\n",
            "signals.yaml:3: ranking.fit.target_role: expected a number of zero or more",
        ),
        (
            "signals:\n  funding_round:\n    rounds:\n      seed: .nan\n",
            "signals.yaml:4: signals.funding_round.rounds.seed: expected a finite number, got nan",
        ),
        (
            "ranking:\n  cluster_days: .inf\n",
            "signals.yaml:2: ranking.cluster_days: expected a finite",
        ),
        ("signals:\n  tweets: {}\n", "signals.yaml:2: signals.tweets: unknown key"),
    ],
)
def test_validation_errors_name_line_key_and_expectation(text: str, expected: str):
    with pytest.raises(ConfigError) as info:
        parse_config(text, "signals.yaml")
    assert str(info.value).startswith(expected)
    assert "\n" not in str(info.value)


def test_bad_config_is_one_line_and_exit_code_2(cli, isolated_paths: Path):
    (isolated_paths / "signals.yaml").write_text("daily_limit: lots\n")
    result = cli("list")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    path = isolated_paths / "signals.yaml"
    assert lines == [f"error: {path}:1: daily_limit: expected a whole number, got 'lots'"]


def test_zero_where_zero_means_something_is_accepted():
    # documented in signals.yaml: everyone on the list, no per-company cap, no
    # cooldown, no clustering, a multiplier that zeroes a relationship kind
    cfg = parse_config(
        "daily_limit: 0\ncooldown_days: 0\nranking:\n  per_company: 0\n  cluster_days: 0\n"
        "  relationship:\n    unknown: 0\n"
    )
    assert (cfg.daily_limit, cfg.cooldown_days, cfg.ranking.per_company) == (0, 0, 0)


def test_zero_half_life_stops_the_cli_with_file_line_and_exit_2(cli, isolated_paths: Path):
    path = isolated_paths / "signals.yaml"
    path.write_text("daily_limit: 5\nsignals:\n  funding_round:\n    half_life_days: 0\n")
    result = cli("explain", "1")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {path}:4: signals.funding_round.half_life_days: "
        "expected a number of days above zero, at most 36500, got 0"
    )


# --- weight 0: the way many people mute a signal type or rule ----------------------

MUTED = {
    "weight": "signals:\n  {kind}:\n    weight: 0\n",
    "enabled": "signals:\n  {kind}:\n    enabled: false\n",
}


@pytest.mark.parametrize("kind", ["job_change", "funding_round", "executive_hire"])
def test_weight_zero_turns_a_signal_type_off_like_enabled_false(kind: str):
    by_weight = parse_config(MUTED["weight"].format(kind=kind)).signals
    by_enabled = parse_config(MUTED["enabled"].format(kind=kind)).signals
    assert by_weight[kind].enabled is False and by_enabled[kind].enabled is False
    # the other types stay on either way
    assert [t for t, s in by_weight.items() if s.enabled] == [
        t for t, s in by_enabled.items() if s.enabled
    ]
    assert len([s for s in by_weight.values() if s.enabled]) == 2


def test_weight_zero_turns_a_rule_off_like_enabled_false():
    rules = "rules:\n  - name: a\n    phrases: [x]\n  - name: b\n    phrases: [y]\n    {off}\n"
    by_weight = parse_config(rules.format(off="weight: 0"))
    by_enabled = parse_config(rules.format(off="enabled: false"))
    assert [r.name for r in by_weight.rules] == [r.name for r in by_enabled.rules] == ["a"]


def test_weight_zero_is_not_detected_and_stops_no_command(cli, isolated_paths: Path):
    (isolated_paths / "signals.yaml").write_text(
        "signals:\n  funding_round:\n    weight: 0\n"
        "rules:\n  - name: launches\n    phrases: [launches]\n    weight: 0\n"
    )
    text = (
        "Brightloop raises $40M Series B\n"
        "Quarry AI launches a new product\n"
        "Former Copperleaf exec Sam Okafor joins Quarry AI as CRO\n"
    )
    result = cli("detect", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert [r["signal"] for r in json.loads(result.stdout)] == ["executive_hire"]
    for command in (["poll"], ["list"], ["config"]):
        assert cli(*command).exit_code == 0, command


def test_job_change_weight_zero_records_no_job_changes(cli, isolated_paths: Path):
    contacts = ROOT / "tests" / "fixtures" / "contacts"
    (isolated_paths / "signals.yaml").write_text("signals:\n  job_change:\n    weight: 0\n")
    assert cli("import", "linkedin", str(contacts / "linkedin-2019-crlf.csv")).exit_code == 0
    result = cli("import", "linkedin", str(contacts / "linkedin-2021-no-url.csv"))
    assert result.exit_code == 0, result.output
    assert "0 job changes" in result.stderr
    listed = cli("list", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []


@pytest.mark.parametrize(
    ("pattern", "what"),
    [
        (r"(?<!ex-)CEO", "without lookbehind"),
        (r"acquires(?= Acme)", "without lookahead"),
        (r"(?!x)acquires", "without lookahead"),
        (r"(\w+) and \1", "without backreferences"),
        (r"(?P<w>\w+) (?P=w)", "without backreferences"),
    ],
)
def test_a_rule_with_a_construct_re2_refuses_is_one_line_saying_so(pattern, what) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as err:
        parse_config(f"rules:\n  - name: x\n    pattern: '{pattern}'\n")
    message = err.value.message
    assert message.startswith("signals.yaml:3: rules[0].pattern: expected a regular expression ")
    assert what in message and "guaranteed time" in message
    assert "\n" not in message


def test_a_catastrophic_backtracking_rule_runs_in_linear_time(tmp_path: Path) -> None:
    """`(a+)+$` on 34 a's and '!' never ends on a backtracking engine; a real
    `prospect detect` process must finish (the timeout only catches a regression)."""
    import subprocess
    import sys

    rules = tmp_path / "signals.yaml"
    rules.write_text('rules:\n  - name: bomb\n    pattern: "(a+)+$"\n', "utf-8")
    titles = tmp_path / "titles.txt"
    titles.write_text(("a" * 34 + "!\n") * 50 + "a" * 5000 + "\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "prospect", "--config", str(rules), "detect", str(titles),
         "--format", "jsonl"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.count('"bomb"') == 1  # only the line of a's alone matches


def _alias_bomb(where: str) -> str:
    """A billion-laughs file of about 1 KB: nine levels of nine aliases each."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        refs = ", ".join([f"*l{n - 1}"] * 9)
        lines.append(f"l{n}: &l{n} [{refs}]")
    # the anchors live under a key the schema knows, so only the alias can fail
    body = "\n".join("  " + line for line in lines)
    return {
        "target_roles": f"aliases:\n{body}\ntarget_roles: *l8\n",
        "aliases": f"aliases:\n{body}\n  acme: *l8\n",
        "phrases": f"aliases:\n{body}\nrules:\n  - name: x\n    phrases: *l8\n",
    }[where]


@pytest.mark.parametrize("where", ["target_roles", "aliases", "phrases"])
def test_an_alias_bomb_is_refused_at_once(where: str) -> None:
    text = _alias_bomb(where)
    assert len(text) < 1500
    with pytest.raises(ConfigError) as err:
        parse_config(text)
    assert "anchors and aliases (&name, *name) are not supported" in err.value.message
    assert err.value.message.startswith("signals.yaml:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "daily_limit: " + "9" * 5000 + "\n",
            "signals.yaml:1: expected a number of at most 24 characters, got one of 5,000",
        ),
        (
            "daily_limit: 99999999999999999999\n",
            "signals.yaml:1: daily_limit: expected a number of at most 1,000,000",
        ),
        (
            "signals:\n  funding_round:\n    weight: 1.0e+300\n",
            "signals.yaml:3: signals.funding_round.weight: expected a number of at most",
        ),
        (
            "daily_limit: 5\ncooldown_days: 3\ndaily_limit: 50\n",
            "signals.yaml:3: 'daily_limit' is given twice in the same mapping: keep one",
        ),
        (
            "digest:\n  to: [me@example.com]\n  to: [attacker@example.net]\n",
            "signals.yaml:3: 'to' is given twice in the same mapping",
        ),
        (
            "base: &b {weight: 1}\nsignals:\n  job_change:\n    <<: *b\n",
            "signals.yaml:",
        ),
        (
            "target_roles: ['" + "x" * 5000 + "', 3]\n",
            "signals.yaml:1: target_roles[1]: expected a string, got 3",
        ),
        (
            "daily_limit: '" + "x" * 5000 + "'\n",
            "signals.yaml:1: daily_limit: expected a whole number, got 'xxxxxxxx",
        ),
    ],
)
def test_hostile_yaml_is_one_short_line(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(text)
    assert err.value.message.startswith(expected)
    assert len(err.value.message) < 300 and "\n" not in err.value.message
