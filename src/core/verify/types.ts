import type { Role } from '../domain.js';
import type { Finding } from '../findings.js';

export interface SignatureVerdict {
  role: Role;
  valid: boolean;
  /** The representative's name and job title, from the signed data/svmc.yaml. */
  signer?: string;
  jobTitle?: string;
  keyId?: string;
  /**
   * `pinned`: checked with a key given with --trust, which proves who signed. `pack`: checked with
   * the key the pack carries, which proves the payload is intact, not who signed it.
   */
  key?: 'pinned' | 'pack';
  /** The --trust file, or signatures/<role>.pub. */
  keySource?: string;
  /** ISO 8601 UTC, from the signature's trusted comment. */
  signedAt?: string;
  trustedComment?: string;
}

export interface BagSummary {
  /** The bag's folder (inside the zip, or on disk); absent for a bag at a zip's root. */
  name?: string;
  bagitVersion?: string;
  encoding?: string;
  payloadFiles: number;
  payloadBytes: number;
  /** The algorithms of the payload manifests and of the tag manifests. */
  manifests: string[];
  tagManifests: string[];
  /** Payload-Oxum as bag-info.txt states it. */
  payloadOxum?: string;
  draft: boolean;
  /** bag-info.txt's labels and values (the last value of a repeated label). */
  info: Record<string, string>;
}

/** The outcome of verifying one PATH; its JSON form (without `contents`) is a public contract. */
export interface VerifyResult {
  /** No finding of severity error (with --strict, no warning either). */
  valid: boolean;
  /** The PATH as given. */
  pack: string;
  container: 'zip' | 'folder';
  /** Judged as BagIt alone (--bagit-only). */
  bagitOnly: boolean;
  bag: BagSummary;
  signatures: SignatureVerdict[];
  /** Every finding, most important first: what makes it invalid, then warnings, then notes. */
  findings: Finding[];
  /**
   * The bag's small files read whole while verifying, by path in the bag: bagit.txt, bag-info.txt,
   * every manifest, data/svmc.yaml, data/self-assessment.yaml and signatures/*. Their bytes are the
   * ones the verdict judged: a caller reads the verified bag through this, never from the zip again.
   */
  contents: ReadonlyMap<string, Buffer>;
}

export interface VerifyOptions {
  /** Public key files (minisign .pub) to trust instead of the keys inside the pack. */
  trust?: { file: string; text: string }[];
  /** Judge BagIt validity alone. */
  bagitOnly?: boolean;
  /** Warnings make the pack not valid. */
  strict?: boolean;
  /** Reject a zip that would inflate past this many bytes in all (default 64 GiB). */
  maxTotalBytes?: number;
}
