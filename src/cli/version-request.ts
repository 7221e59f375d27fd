/** `svmc --version` and its short forms, alone: answered without commander or any command. */
export function isVersionRequest(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V');
}
