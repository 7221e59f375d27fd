import { join } from 'node:path';
import type { Role } from '../domain.js';

export const SIGNOFF_DIR = 'signoffs';

/** `signoffs/<role>.minisig`: the minisign signature of the manifest. */
export const signaturePath = (role: Role): string => `${SIGNOFF_DIR}/${role}.minisig`;

/**
 * `signoffs/<role>.manifest`: the exact manifest bytes that were signed, so an assessor can run
 * `minisign -Vm signoffs/lead.manifest -p lead.pub -x signoffs/lead.minisig`, and `check` can say
 * which files changed since.
 */
export const signedManifestPath = (role: Role): string => `${SIGNOFF_DIR}/${role}.manifest`;

export const inFolder = (dir: string, relative: string): string => join(dir, ...relative.split('/'));
