/** What the bag's validator needs of a container, a zip read in place or a folder on disk. */

export interface ReadOutcome {
  /** Lower-case hex digest by algorithm name, of exactly the bytes read. */
  digests: Record<string, string>;
  size: number;
  /** The content, when it was asked to be kept and is no larger than asked. */
  bytes?: Buffer;
  /** Why the content cannot be trusted (a damaged zip entry, a file that changed while read). */
  problem?: string;
}

export interface BagSource {
  container: 'zip' | 'folder';
  /** The bag's folder: inside the zip (absent when the bag is the zip's root), or on disk. */
  name?: string;
  /** Every regular file of the bag, by its path relative to the bag, with its size. */
  files: ReadonlyMap<string, number>;
  /** Every folder of the bag that a container records (a zip may record none). */
  folders: ReadonlySet<string>;
  /** Reads a file once, hashing it with each algorithm; keeps its bytes when it is at most `keep` bytes long. */
  read(path: string, algorithms: readonly string[], keep: number): Promise<ReadOutcome>;
  close(): Promise<void>;
}
