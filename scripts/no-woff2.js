// Stands in for brotli's decompressor in the summary worker's bundle: svmc embeds no WOFF2 font.
export default function decompress() {
  throw new Error('WOFF2 fonts cannot be read here');
}
