"""``brilliance completion bash|zsh|fish``: a completion script for the shell.

The scripts are written from the parser itself (subcommands, flags, choices), so they stay
in step with the command line. Where a command takes a person's name the scripts ask
``brilliance completion --names``, which reads the names straight from the data file
(no pydantic, no Textual) so that pressing tab stays quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The scripts' own model of the command line; importing it is cheap (text only).
from brilliance.commands.completion_scripts import Command as Command
from brilliance.commands.completion_scripts import Option as Option

HELP = "print a completion script for bash, zsh or fish (subcommands, flags, people's names)"
EXAMPLES = (
    "brilliance completion bash > ~/.local/share/bash-completion/completions/brilliance",
    "brilliance completion fish > ~/.config/fish/completions/brilliance.fish",
)
SHELLS = ("bash", "zsh", "fish")
WANTS_WHOLE_PARSER = True
"""cli.py hands the whole parser to :func:`run` as ``args.whole_parser`` (cli loads commands)."""

PERSON_ARGUMENTS: dict[str, str] = {"show": "name", "prep": "name", "journal": "--person"}
"""Where a command takes a person's name: command -> positional dest or option string."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", nargs="?", choices=SHELLS, help="the shell to complete in")
    # Used by the scripts themselves: everyone's name, one a line.
    parser.add_argument("--names", action="store_true", help=argparse.SUPPRESS)


FILE_ARGUMENTS = ("file", "backup")
"""Positional arguments (by dest) that name a file."""


def _options(name: str, parser: argparse.ArgumentParser) -> Command:
    command = Command(name, parser.description or "", [])
    for action in parser._actions:  # argparse has no public way to list them
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            command.positional_choices = [str(c) for c in action.choices or ()]
            if PERSON_ARGUMENTS.get(name) == action.dest:
                command.positional = "people"
            elif command.positional_choices:
                command.positional = "choices"
            else:
                command.positional = "files" if action.dest in FILE_ARGUMENTS else "text"
            continue
        folder = action.dest == "data_dir"
        command.options.append(
            Option(
                list(action.option_strings),
                "folder holding brilliance.json" if folder else action.help or "",
                action.nargs != 0,
                [str(c) for c in action.choices or ()],
                people=PERSON_ARGUMENTS.get(name) in action.option_strings,
                folder=folder,
            )
        )
    return command


def describe_parser(parser: argparse.ArgumentParser) -> list[Command]:
    """Every subcommand with its options, from the real parser (``cli.build_parser``'s)."""
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {action.dest: action.help or "" for action in subparsers._choices_actions}
    commands = []
    for name, subparser in subparsers.choices.items():
        command = _options(name, subparser)
        command.help = helps[name]
        commands.append(command)
    return commands


def names(data_dir: Path) -> list[str]:
    """Everyone's name from the data file, sorted; empty if there is none or it can't be read."""
    from brilliance.commands.note import network

    return sorted({someone.name for someone in network(data_dir) or []}, key=str.casefold)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from brilliance.commands.completion_scripts import bash_script, fish_script, zsh_script
    from brilliance.commands.shell import EXIT_USAGE, CommandError

    if args.names:
        for name in names(data_dir):
            print(name)
        return 0
    if args.shell is None:
        raise CommandError(f"name a shell: {', '.join(SHELLS)}.", EXIT_USAGE)
    write = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}[args.shell]
    sys.stdout.write(write(describe_parser(args.whole_parser)))
    return 0
