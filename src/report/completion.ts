/** What a shell may complete: the commands, each one's flags and the values some flags take. */
export interface CompletionSpec {
  commands: { name: string; flags: { names: string[]; values?: readonly string[] }[] }[];
  /** Criterion ids, for `svmc map`'s first argument. */
  criteria: readonly string[];
}

export type Shell = 'bash' | 'zsh' | 'fish';

/** A completion script for `shell`, to be sourced or saved where the shell looks for one. */
export function renderCompletion(shell: Shell, spec: CompletionSpec): string {
  return shell === 'fish' ? fish(spec) : bash(spec, shell === 'zsh');
}

const words = (list: readonly string[]): string => list.join(' ');

function bash(spec: CompletionSpec, zsh: boolean): string {
  const values = spec.commands.flatMap((command) =>
    command.flags.flatMap((flag) => (flag.values ? flag.names.map((name) => `    "${command.name} ${name}") COMPREPLY=($(compgen -W "${words(flag.values!)}" -- "$cur")); return ;;`) : [])),
  );
  const flags = spec.commands.map((command) => `    ${command.name}) COMPREPLY=($(compgen -W "${words(command.flags.flatMap((f) => f.names))}" -- "$cur")) ;;`);
  const lines = [
    '# svmc completion: source this file, or save it where your shell loads completions.',
    ...(zsh ? ['autoload -U +X bashcompinit && bashcompinit'] : []),
    '_svmc() {',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansions, not placeholders
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="${COMP_WORDS[1]}"',
    '  COMPREPLY=()',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=($(compgen -W "${words(spec.commands.map((c) => c.name))} --help --version" -- "$cur"))`,
    '    return',
    '  fi',
    '  case "$cmd $prev" in',
    ...values,
    '  esac',
    '  if [[ "$cur" == -* ]]; then',
    '    case "$cmd" in',
    ...flags,
    '    esac',
    '    return',
    '  fi',
    '  if [ "$cmd" = map ] && [ "$COMP_CWORD" -eq 2 ]; then',
    `    COMPREPLY=($(compgen -W "${words(spec.criteria)}" -- "$cur"))`,
    '  fi',
    '}',
    // -o default: file names when svmc has nothing better to offer.
    'complete -o default -F _svmc svmc',
  ];
  return `${lines.join('\n')}\n`;
}

function fish(spec: CompletionSpec): string {
  const lines = [
    '# svmc completion: save as ~/.config/fish/completions/svmc.fish',
    'complete -c svmc -f -n __fish_use_subcommand -l help -d "show help"',
    'complete -c svmc -f -n __fish_use_subcommand -l version -d "show the version"',
  ];
  for (const command of spec.commands) {
    lines.push(`complete -c svmc -f -n __fish_use_subcommand -a ${command.name}`);
    const when = `"__fish_seen_subcommand_from ${command.name}"`;
    for (const flag of command.flags) {
      const names = flag.names.map((name) => (name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`)).join(' ');
      lines.push(`complete -c svmc -n ${when} ${names}${flag.values ? ` -x -a "${words(flag.values)}"` : ''}`);
    }
  }
  lines.push(`complete -c svmc -n "__fish_seen_subcommand_from map; and test (count (commandline -opc)) -eq 2" -a "${words(spec.criteria)}"`);
  return `${lines.join('\n')}\n`;
}
