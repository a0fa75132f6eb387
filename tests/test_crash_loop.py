"""Crash safety: Koers killed with SIGKILL at random moments during saves and imports
loses no action it confirmed and leaves no half-written action (see tests/crash/loop.py).

The loop runs until it has seen 200 confirmed actions and 100 kills inside an action, with
both outcomes of such a kill, or fails when its time bound passes first. The failure
message and the "crash loop" report section give the counts reached and the seed.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.crash.loop import BOUND_SECONDS, CI_SEED, Targets, choose_seed, run_crash_loop

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@pytest.mark.slow
# Both crash loops on one xdist worker, one after the other: each is timed on its own.
@pytest.mark.xdist_group("crash_loop")
def test_sigkill_during_saves_and_imports_loses_nothing_confirmed_and_leaves_no_half(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    outcome = run_crash_loop(tmp_path, choose_seed(), Targets(), BOUND_SECONDS)
    print(outcome.summary())
    request.node.add_report_section("call", "crash loop", outcome.summary())
    outcome.assert_crash_safe()


def test_crash_loop_fails_with_its_counts_and_seed_when_the_bound_passes_first(
    tmp_path: Path,
) -> None:
    outcome = run_crash_loop(tmp_path, 1234, Targets(), bound=0.0)

    with pytest.raises(AssertionError) as failure:
        outcome.assert_crash_safe()

    message = str(failure.value)
    assert "time bound of 0 s passed" in message
    assert "'confirmed_actions': '0/200'" in message
    assert "'killed_mid_action': '0/100'" in message
    assert "KOERS_CRASH_SEED=1234" in message


def test_crash_loop_seed_is_fixed_in_ci_and_replayable_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KOERS_CRASH_SEED", raising=False)
    monkeypatch.setenv("CI", "true")
    assert choose_seed() == CI_SEED

    monkeypatch.setenv("KOERS_CRASH_SEED", "77")
    assert choose_seed() == 77
