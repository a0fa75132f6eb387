"""An argparse parser that speaks Dutch: its help, usage line and error messages.

argparse looks its own words up through `gettext` at the moment it uses them (building a
parser, formatting help, reporting an error). Python ships no Dutch catalogue for them, so
this parser swaps argparse's lookup for a Dutch table while one of its own methods runs:
only Koers's parsers change, any other argparse user in the process keeps its English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

# argparse's own words (Python 3.11) -> the Dutch the user reads.
DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "deze hulp tonen en stoppen",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet samen met argument %s",
    "ignored explicit argument %r": "overbodige waarde %r genegeerd",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}


def dutch(text: str) -> str:
    return DUTCH.get(text, text)


def dutch_plural(singular: str, plural: str, n: int) -> str:
    return dutch(singular if n == 1 else plural)


@contextmanager
def _in_dutch() -> Iterator[None]:
    saved: tuple[Callable[..., str], Callable[..., str]] = (argparse._, argparse.ngettext)
    argparse._, argparse.ngettext = dutch, dutch_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse.ArgumentParser with Dutch help and errors; its sub-parsers are Dutch too
    (argparse makes them with the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _in_dutch():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _in_dutch():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _in_dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _in_dutch():
            super().error(message)
