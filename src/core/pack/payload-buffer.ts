/** Read size for stored payload: on 1 GiB of evidence 1 MiB beat 2 and 4 MiB. */
const PAYLOAD_CHUNK_BYTES = 1 << 20;

/** Chunks between returns to the event loop, so Ctrl-C and progress stay responsive. */
const CHUNKS_PER_TURN = 32;

/**
 * One read buffer reused for every stored file of a pack: no allocation or garbage collection per
 * chunk, and memory stays flat however large the evidence.
 */
export function payloadBuffer(): Buffer {
  return Buffer.allocUnsafeSlow(PAYLOAD_CHUNK_BYTES);
}

/** Lets pending signals and timers run between long stretches of synchronous work. */
export async function takeTurn(chunks: number): Promise<void> {
  if (chunks % CHUNKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
}
