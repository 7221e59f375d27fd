import { mkdir } from 'node:fs/promises';
import { asUsageError } from '../fs/system-errors.js';
import type { ApplicationData } from '../application/types.js';
import { ROLE_TITLES, type Role } from '../domain.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Application, ApplicationDocument } from '../application/open.js';
import { buildManifest, type Manifest } from '../manifest/build-manifest.js';
import { keyIdOf, type SecretKey } from './keys.js';
import { formatTrustedComment, signMessage } from './signature.js';
import { SIGNOFF_DIR, inFolder, signaturePath, signedManifestPath } from './signoff-files.js';

export interface SignManifestOptions {
  /** The exact manifest bytes to sign: the folder's, or a draft pack's manifest-sha256.txt. */
  manifestText: string;
  /** The application, for the names in the trusted comment. */
  data: ApplicationData;
  role: Role;
  secret: SecretKey;
  /** The signing time in the trusted comment (default now). */
  now?: Date;
}

export interface SignedManifest {
  /** The .minisig text. */
  signature: string;
  keyId: string;
  trustedComment: string;
}

/** A sign-off over `manifestText`: a minisign signature whose trusted comment names the role, the person, the level and the time. */
export function signManifest({ manifestText, data, role, secret, now = new Date() }: SignManifestOptions): SignedManifest {
  const trustedComment = formatTrustedComment({
    // minisign's own field, in seconds, for tools; svmc shows it to people as an ISO 8601 time.
    timestamp: Math.floor(now.getTime() / 1000),
    role,
    name: capped(data.representatives?.[role]?.name ?? ''),
    level: data.application.level,
    organisation: capped(data.applicant.organisation),
  });
  const signature = signMessage(Buffer.from(manifestText), secret, {
    trustedComment,
    untrustedComment: `svmc sign-off by the ${ROLE_TITLES[role]}, key ${keyIdOf(secret)}; signs ${signedManifestPath(role)}`,
  });
  return { signature, keyId: keyIdOf(secret), trustedComment };
}

/** Files a sign-off in the folder: signoffs/<role>.manifest (the bytes signed), then signoffs/<role>.minisig. */
export async function fileSignoff(dir: string, role: Role, manifestText: string, signature: string): Promise<{ signatureFile: string; manifestFile: string }> {
  const signatureFile = signaturePath(role);
  const manifestFile = signedManifestPath(role);
  try {
    await mkdir(inFolder(dir, SIGNOFF_DIR), { recursive: true });
    await writeFileAtomic(inFolder(dir, manifestFile), manifestText);
    await writeFileAtomic(inFolder(dir, signatureFile), signature);
  } catch (error) {
    throw error instanceof UsageError ? error : asUsageError(error, `cannot write the sign-off into ${inFolder(dir, SIGNOFF_DIR)}`);
  }
  return { signatureFile, manifestFile };
}

export interface SignApplicationOptions {
  app: Application;
  document: ApplicationDocument & { data: ApplicationData };
  role: Role;
  secret: SecretKey;
  /** The folder's manifest, when already built (for the review shown before signing). */
  manifest?: Manifest;
  /** The signing time in the trusted comment (default now). */
  now?: Date;
}

export interface SignApplicationResult extends SignedManifest {
  manifest: Manifest;
  /** Relative to the folder. */
  signatureFile: string;
  manifestFile: string;
}

/** Signs the folder's evidence manifest and files the sign-off in signoffs/. */
export async function signApplication(options: SignApplicationOptions): Promise<SignApplicationResult> {
  const { app, document, role, secret } = options;
  const manifest = options.manifest ?? (await buildManifest(app.folder, document.referenced));
  // The hashes just made serve the next check; the folder gets its cache now if it had none.
  await app.folder.saveFacts(true);
  const signed = signManifest({ manifestText: manifest.text, data: document.data, role, secret, ...(options.now ? { now: options.now } : {}) });
  const files = await fileSignoff(app.dir, role, manifest.text, signed.signature);
  return { manifest, ...signed, ...files };
}

/** Keeps the trusted comment far below minisign's 8 KiB line, cutting at a character, not a byte. */
function capped(value: string, max = 500): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
}
