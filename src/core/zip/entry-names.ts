/** Why an entry name could not be extracted safely anywhere, or undefined when it can. */
export function unsafeNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the entry has an empty name';
  if (name.includes('\0')) return 'the name holds a NUL character';
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'the name holds a control character';
  if (name.includes('\\')) return 'the name holds a backslash, which some tools read as a folder separator';
  if (name.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'the name climbs out of its folder with ".."';
  if (segments.includes('.')) return 'the name holds a "." segment';
  if (segments.includes('')) return 'the name holds an empty segment ("//")';
  return undefined;
}
