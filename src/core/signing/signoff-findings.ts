import { FileReadError, READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import type { ApplicationData } from '../application/types.js';
import { ROLES, ROLE_TITLES, type Role } from '../domain.js';
import { finding, type Finding, type FindingLocation } from '../findings.js';
import { buildManifest, diffManifests, type BuildManifestOptions, type ManifestDiff } from '../manifest/index.js';
import { keyIdOf, parsePublicKey, type PublicKey } from './keys.js';
import { MinisignFormatError } from './minisign-format.js';
import { verifySignature } from './signature.js';
import { inFolder, signaturePath, signedManifestPath } from './signoff-files.js';

export interface SignoffInput {
  dir: string;
  data: ApplicationData;
  /** Where a YAML path sits in svmc.yaml. */
  locate: (path: (string | number)[]) => FindingLocation | undefined;
  /** How to build the current manifest, e.g. with a file cache and resolver the caller shares. */
  manifest?: Pick<BuildManifestOptions, 'fileCache' | 'resolver'>;
}

interface CurrentManifest {
  text: string;
  bytes: Buffer;
}

/** SIGNOFF_MISSING, SIGNOFF_STALE and SIGNOFF_INVALID for both representatives. */
export async function signoffFindings(input: SignoffInput): Promise<Finding[]> {
  const { dir, data } = input;
  let current: Promise<CurrentManifest> | undefined;
  const currentManifest = (): Promise<CurrentManifest> =>
    (current ??= buildManifest(dir, data, input.manifest).then((m) => ({ text: m.text, bytes: Buffer.from(m.text) })));
  const findings: Finding[] = [];
  for (const role of ROLES) {
    findings.push(...(await roleFindings(input, role, currentManifest)));
  }
  return findings;
}

async function roleFindings(
  { dir, data, locate }: SignoffInput,
  role: Role,
  currentManifest: () => Promise<CurrentManifest>,
): Promise<Finding[]> {
  const who = ROLE_TITLES[role];
  const sigFile = signaturePath(role);
  // Only a finding needs a place in svmc.yaml, and finding it may mean parsing the YAML.
  const atRepresentative = (): FindingLocation => locate(['representatives', role]) ?? locate(['representatives']) ?? { file: 'svmc.yaml' };
  const atSignature = { file: sigFile };
  const signature = await readText(inFolder(dir, sigFile), READ_LIMITS.key);
  if (signature instanceof Error) return [finding('SIGNOFF_INVALID', `${sigFile} cannot be read: ${signature.message}`, { location: atSignature })];
  if (signature === undefined) {
    const message = `The ${who} has not signed: run \`svmc sign --as ${role}\` once the application is complete`;
    return [finding('SIGNOFF_MISSING', message, { location: atRepresentative() })];
  }
  const invalid = (message: string, location: FindingLocation = atSignature): Finding[] => [
    finding('SIGNOFF_INVALID', `${sigFile}: ${message}`, { location }),
  ];
  const registered = data.representatives?.[role]?.publicKey;
  if (registered === undefined) {
    return invalid(
      `no public key is registered for the ${who}, so the signature cannot be trusted: run \`svmc keygen --as ${role} --register\` (or add representatives.${role}.publicKey), then sign again`,
      atRepresentative(),
    );
  }
  let publicKey: PublicKey;
  try {
    publicKey = parsePublicKey(registered);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    return invalid(`representatives.${role}.publicKey: ${error.message}`, locate(['representatives', role, 'publicKey']) ?? atRepresentative());
  }
  const manifest = await currentManifest();
  const now = verifySignature(manifest.bytes, signature, publicKey);
  if (now.reason === 'malformed') return invalid(`not a minisign signature: ${now.problem}`);
  if (now.reason === 'wrong-key') {
    return invalid(`signed with key ${now.keyId}, but the key registered for the ${who} is ${keyIdOf(publicKey)}`);
  }
  if (now.valid) {
    const named = now.fields.role;
    return named === undefined || named === role ? [] : invalid(`the signature was made as the ${named}, not as the ${role}`);
  }
  const signed = await readText(inFolder(dir, signedManifestPath(role)), READ_LIMITS.manifest);
  if (typeof signed === 'string' && verifySignature(Buffer.from(signed), signature, publicKey).valid) {
    const message = `The ${who}'s sign-off is out of date: ${describe(diffManifests(signed, manifest.text))}. Sign again with \`svmc sign --as ${role}\``;
    return [finding('SIGNOFF_STALE', message, { location: atSignature })];
  }
  return invalid(`the signature does not verify (${now.problem}); sign again with \`svmc sign --as ${role}\``);
}

function describe(diff: ManifestDiff): string {
  const parts: string[] = [];
  const list = (paths: string[]): string =>
    paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', ');
  if (diff.changed.length > 0) parts.push(`changed ${list(diff.changed)}`);
  if (diff.added.length > 0) parts.push(`added ${list(diff.added)}`);
  if (diff.removed.length > 0) parts.push(`removed ${list(diff.removed)}`);
  return parts.length > 0 ? parts.join('; ') : 'the manifest changed';
}

/** The file's text; undefined when it does not exist; the error when it exists but cannot be read. */
async function readText(path: string, maxBytes: number): Promise<string | undefined | Error> {
  try {
    return (await readRegularFile(path, maxBytes)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.reason === 'missing') return undefined;
    return new Error(READ_PROBLEMS[error.reason]);
  }
}

const READ_PROBLEMS = {
  'not-a-file': 'it is not a regular file (a folder, device or pipe); remove it and sign again',
  'too-large': 'it is far too large to be a sign-off; remove it and sign again',
  unreadable: 'permission denied or unreadable; check its permissions',
} as const;
