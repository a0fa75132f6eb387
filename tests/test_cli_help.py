"""The command line's help and errors are Dutch, argparse's own words included."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import build_parser
from tests.koers_cli import run_koers

ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "optional arguments",
    "show this help message and exit",
    "error:",
    "the following arguments are required",
    "invalid choice",
)


def _english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if phrase in text]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["demo", "--help"],
        ["audit", "export", "--help"],
        ["import", "auto", "--help"],
    ],
)
def test_help_of_the_program_and_its_sub_commands_is_dutch(args: list[str], tmp_path: Path) -> None:
    result = run_koers(*args, data_dir=tmp_path, password=None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gebruik: ")
    assert "deze hulp tonen en stoppen" in result.stdout
    assert _english_in(result.stdout) == []


def test_a_wrong_argument_is_reported_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["export"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "fout: deze argumenten ontbreken: ACTIE" in err
    assert _english_in(err) == []


def test_other_argparse_users_keep_their_own_words() -> None:
    """Only Koers's parsers speak Dutch: argparse itself is left as it was."""
    import argparse

    build_parser().format_help()
    assert "usage:" in argparse.ArgumentParser(prog="x").format_help()


def test_screenshot_size_is_read_as_width_x_height() -> None:
    assert build_parser().parse_args(["--size", "1024x768"]).size == (1024, 768)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--size", "groot"])
