/** Size limits of the files svmc reads whole, each far above any real one and far below what hurts. */
export const READ_LIMITS = {
  /** A minisign key, public or secret, or a signature: a few lines of base64 and an 8 KiB comment at most. */
  key: 64 * 1024,
  /** A manifest of 50,000 files is about 5 MiB. */
  manifest: 64 * 1024 * 1024,
  /** svmc.yaml, a catalogue, a fee table, answers, templates. */
  document: 16 * 1024 * 1024,
  /** A house template, which may be a large document. */
  template: 64 * 1024 * 1024,
  /** The caches under .svmc/. */
  cache: 256 * 1024 * 1024,
} as const;
