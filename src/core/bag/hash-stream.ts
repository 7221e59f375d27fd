import { createHash, type Hash } from 'node:crypto';

/** Hashes a stream of chunks with several algorithms at once, and keeps its bytes up to a limit. */
export class HashStream {
  private readonly hashes: [string, Hash][];
  private readonly kept: Buffer[] = [];
  size = 0;

  constructor(
    algorithms: readonly string[],
    /** Keep the bytes when the whole is at most this long. */
    private readonly keep: number,
  ) {
    this.hashes = algorithms.map((algorithm) => [algorithm, createHash(algorithm)]);
  }

  update(chunk: Buffer): void {
    this.size += chunk.length;
    for (const [, hash] of this.hashes) hash.update(chunk);
    if (this.size <= this.keep) this.kept.push(chunk);
  }

  digests(): Record<string, string> {
    return Object.fromEntries(this.hashes.map(([algorithm, hash]) => [algorithm, hash.digest('hex')]));
  }

  bytes(): Buffer | undefined {
    return this.size <= this.keep ? Buffer.concat(this.kept, this.size) : undefined;
  }
}
