"""The text of the bash, zsh and fish completion scripts, written from the parser's description.

See :mod:`brilliance.commands.completion`. Each script asks ``brilliance completion --names``
(with the ``--data-dir`` typed on the line, if any) for people's names.
"""

from __future__ import annotations

from brilliance.commands.completion import Command, Option

# -- bash -----------------------------------------------------------------------------------

BASH_HEAD = r"""# bash completion for brilliance. Made by `brilliance completion bash`.
_brilliance_names() {
    local -a where=()
    local i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        [[ "${COMP_WORDS[i]}" == --data-dir ]] && where=(--data-dir "${COMP_WORDS[i + 1]}")
    done
    brilliance completion --names "${where[@]}" 2>/dev/null
}

_brilliance_complete_names() {
    local cur="$1" quoted="" name
    if [[ "$cur" == [\"\']* ]]; then
        quoted=1
        cur="${cur:1}"
    fi
    cur="${cur//\\/}"
    local IFS=$'\n'
    COMPREPLY=()
    for name in $(_brilliance_names); do
        if [[ "${name,,}" == "${cur,,}"* ]]; then
            if [[ -n "$quoted" ]]; then
                COMPREPLY+=("$name")
            else
                COMPREPLY+=("$(printf '%q' "$name")")
            fi
        fi
    done
}

_brilliance() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD - 1]}"
    local cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --data-dir) ((i++)) ;;
            -*) ;;
            *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [[ "$prev" == --data-dir ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
        return
    fi
    case "$cmd" in
"""

BASH_TAIL = """    esac
}
complete -F _brilliance brilliance
"""


def _value_case_bash(option: Option) -> str:
    """What to offer after ``option`` when it takes a value."""
    if option.people:
        return '_brilliance_complete_names "$cur"'
    if option.choices:
        return f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
    if option.folder:
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if "--out" in option.flags:
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    return "COMPREPLY=()"


def bash_script(commands: list[Command]) -> str:
    names = " ".join(c.name for c in commands)
    lines = [
        '        "")',
        f'            COMPREPLY=($(compgen -W "{names} --help --version --data-dir" -- "$cur"))',
        "            ;;",
    ]
    for command in commands:
        flags = " ".join(["--help", *(f for o in command.options for f in o.flags)])
        lines.append(f"        {command.name})")
        valued = [o for o in command.options if o.takes_value]
        if valued:
            lines.append('            case "$prev" in')
            for option in valued:
                pattern = "|".join(option.flags)
                lines.append(f"                {pattern}) {_value_case_bash(option)}; return ;;")
            lines.append("            esac")
        offer_flags = f'COMPREPLY=($(compgen -W "{flags}" -- "$cur"))'
        if command.positional == "people":
            positional = '_brilliance_complete_names "$cur"'
        elif command.positional == "choices":
            words = " ".join(command.positional_choices)
            positional = f'COMPREPLY=($(compgen -W "{words}" -- "$cur"))'
        elif command.positional == "files":
            positional = 'COMPREPLY=($(compgen -f -- "$cur"))'
        elif command.positional == "text":
            positional = "COMPREPLY=()"
        else:
            positional = offer_flags
        lines += [
            '            if [[ "$cur" == -* ]]; then',
            f"                {offer_flags}",
            "            else",
            f"                {positional}",
            "            fi",
            "            ;;",
        ]
    return BASH_HEAD + "\n".join(lines) + "\n" + BASH_TAIL


# -- zsh ------------------------------------------------------------------------------------

ZSH_HEAD = r"""#compdef brilliance
# zsh completion for brilliance. Made by `brilliance completion zsh`.
_brilliance_people() {
    local -a all names where
    local i
    all=(${(z)BUFFER})
    i=${all[(I)--data-dir]}
    (( i )) && where=(--data-dir "${(Q)all[i+1]}")
    names=("${(@f)$(brilliance completion --names "${where[@]}" 2>/dev/null)}")
    compadd -a names
}

_brilliance() {
    local curcontext="$curcontext" state line
    typeset -A opt_args
    _arguments -C \
        '--version[print the version]' \
        '--data-dir[folder holding brilliance.json]:folder:_files -/' \
        '1:command:->command' \
        '*::arg:->args'
    case $state in
        command)
            local -a commands
            commands=(
"""


def _zsh_text(text: str) -> str:
    """Help text safe inside a single-quoted ``[...]`` or ``name:description`` of _arguments."""
    return (
        text.replace("\\", "")
        .replace("'", "'\\''")
        .replace("[", "(")
        .replace("]", ")")
        .replace(":", " -")
    )


def _zsh_option(option: Option) -> str:
    text = _zsh_text(option.help.split(". ")[0])
    if len(option.flags) > 1:
        exclusive = "(" + " ".join(option.flags) + ")"
        head = f"'{exclusive}'{{{','.join(option.flags)}}}'[{text}]"
    else:
        head = f"'{option.flags[0]}[{text}]"
    if not option.takes_value:
        return head + "'"
    if option.people:
        action = "_brilliance_people"
    elif option.choices:
        action = f"({' '.join(option.choices)})"
    elif option.folder:
        action = "_files -/"
    elif "--out" in option.flags:
        action = "_files"
    else:
        action = " "
    return head + f":{option.flags[-1].lstrip('-')}:{action}'"


def zsh_script(commands: list[Command]) -> str:
    lines = [f"                '{c.name}:{_zsh_text(c.help)}'" for c in commands]
    lines += [
        "            )",
        "            _describe -t commands 'brilliance command' commands",
        "            ;;",
        "        args)",
        '            curcontext="${curcontext%:*:*}:brilliance-$words[1]:"',
        "            case $words[1] in",
    ]
    for command in commands:
        specs = [_zsh_option(o) for o in command.options]
        if command.positional == "people":
            specs.append("'1:person:_brilliance_people'")
        elif command.positional == "choices":
            specs.append(f"'1:{command.name}:({' '.join(command.positional_choices)})'")
        elif command.positional == "files":
            specs.append("'*:file:_files'")
        elif command.positional == "text":
            specs.append("'*:text: '")
        joined = " \\\n                        ".join(specs)
        lines += [
            f"                {command.name})",
            f"                    _arguments \\\n                        {joined}",
            "                    ;;",
        ]
    lines += [
        "            esac",
        "            ;;",
        "    esac",
        "}",
        "",
        'if [[ "$funcstack[1]" == "_brilliance" ]]; then',
        '    _brilliance "$@"',
        "else",
        "    compdef _brilliance brilliance",
        "fi",
    ]
    return ZSH_HEAD + "\n".join(lines) + "\n"


# -- fish -----------------------------------------------------------------------------------

FISH_HEAD = """# fish completion for brilliance. Made by `brilliance completion fish`.
function __brilliance_names
    set -l tokens (commandline -opc)
    set -l dir
    set -l i (contains -i -- --data-dir $tokens)
    if test -n "$i"; and test (count $tokens) -gt $i
        set dir --data-dir $tokens[(math $i + 1)]
    end
    brilliance completion --names $dir 2>/dev/null
end

complete -c brilliance -f
complete -c brilliance -l version -d 'print the version'
complete -c brilliance -l data-dir -r -a '(__fish_complete_directories)' \\
    -d 'folder holding brilliance.json'
"""


def _fish_text(text: str) -> str:
    return text.replace("\\", "").replace("'", "\\'")


def _fish_option(command: str, option: Option) -> str:
    parts = [f"complete -c brilliance -n '__fish_seen_subcommand_from {command}'"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.takes_value:
        if option.people:
            parts.append("-x -a '(__brilliance_names)'")
        elif option.choices:
            parts.append(f"-x -a '{' '.join(option.choices)}'")
        elif option.folder:
            parts.append("-r -a '(__fish_complete_directories)'")
        elif "--out" in option.flags:
            parts.append("-r -F")
        else:
            parts.append("-x")
    parts.append(f"-d '{_fish_text(option.help.split('. ')[0])}'")
    return " ".join(parts)


def fish_script(commands: list[Command]) -> str:
    names = " ".join(c.name for c in commands)
    lines = []
    for command in commands:
        lines.append(
            f"complete -c brilliance -n 'not __fish_seen_subcommand_from {names}' "
            f"-a {command.name} -d '{_fish_text(command.help)}'"
        )
    for command in commands:
        seen = f"-n '__fish_seen_subcommand_from {command.name}'"
        if command.positional == "people":
            lines.append(f"complete -c brilliance {seen} -a '(__brilliance_names)'")
        elif command.positional == "choices":
            lines.append(
                f"complete -c brilliance {seen} -a '{' '.join(command.positional_choices)}'"
            )
        elif command.positional == "files":
            lines.append(f"complete -c brilliance {seen} -F")
        lines += [_fish_option(command.name, o) for o in command.options]
    return FISH_HEAD + "\n".join(lines) + "\n"
