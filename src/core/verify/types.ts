import type { Role } from '../domain.js';
import { finding, type Finding, type FindingCode } from '../findings.js';

/** One reason a pack is not valid: a finding on the file (relative to the bag, or the zip itself) it concerns. */
export type VerifyProblem = Finding;

export function packFinding(code: FindingCode, file: string, message: string): Finding {
  return finding(code, message, { location: { file } });
}

export interface SignatureVerdict {
  role: Role;
  keyId?: string;
  trustedComment?: string;
  /** Where the key came from: the pack's signatures/<role>.pub or a pinned --trust file. */
  keySource?: string;
  valid: boolean;
}

export interface BagSummary {
  /** The bag's folder inside the zip. */
  name?: string;
  bagitVersion?: string;
  /** Every file of the bag. */
  files: number;
  payloadFiles: number;
  payloadBytes: number;
  /** Payload-Oxum as bag-info.txt states it. */
  payloadOxum?: string;
  draft: boolean;
  /** bag-info.txt's labels and values (the last value of a repeated label). */
  info: Record<string, string>;
}

/** The outcome of `svmc verify`; its JSON form is a public contract. */
export interface VerifyResult {
  valid: boolean;
  pack: string;
  bag: BagSummary;
  signatures: SignatureVerdict[];
  /** Why it is not valid; empty when it is. */
  findings: Finding[];
}

export interface VerifyOptions {
  /** Public key files (minisign .pub) to trust instead of the keys inside the pack. */
  trust?: { file: string; text: string }[];
  /** Reject a zip that would inflate past this many bytes in all (default 64 GiB). */
  maxTotalBytes?: number;
}
