export { buildManifest, type BuildManifestOptions, type Manifest, type ManifestEntry } from './build-manifest.js';
export {
  compareManifestPaths,
  decodeManifestPath,
  diffManifests,
  encodeManifestPath,
  manifestLine,
  parseManifest,
  sortManifestPaths,
  type ManifestDiff,
} from './format.js';
export { FileCache, type FileStamp } from './file-cache.js';
export { PathResolver, type Located, type PathStats } from './path-resolver.js';
export { HASH_CHUNK_BYTES, hashFile, mapLimit } from './hash-file.js';
export { APPLICATION_FILE, FolderResolver, normaliseReference, referencedFiles, resolveInside } from './referenced-files.js';
