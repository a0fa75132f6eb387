"""The test of the crash-loop test: with every core kept busy by another process, the
crash loop still reaches its targets within its time bound. A loaded CI machine confirms
fewer actions per run than an idle one; the loop must absorb that, not fail on it."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.crash.cpu_hogs import busy_cores, cpu_seconds
from tests.crash.loop import BOUND_SECONDS, Targets, choose_seed, run_crash_loop

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
    pytest.mark.xdist_group("crash_loop"),
]


def test_crash_loop_reaches_its_targets_within_its_bound_with_every_core_busy(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with busy_cores() as hogs:
        outcome = run_crash_loop(tmp_path, choose_seed(), Targets(), BOUND_SECONDS)
        # The load lasted the whole loop: a hog that died early would prove nothing.
        alive = [hog.poll() is None for hog in hogs]
        hog_seconds = [cpu_seconds(hog) for hog in hogs]
    summary = f"{outcome.summary()}\nbusy cores: {json.dumps({'cpu_seconds': hog_seconds})}"
    print(summary)
    request.node.add_report_section("call", "crash loop", summary)
    assert all(alive), f"a busy process stopped during the loop: {alive}\n{summary}"
    outcome.assert_crash_safe()
