export { formatPublicKey, formatSecretKey, generateSecretKey, keyIdOf, parsePublicKey, parseSecretKey, type PublicKey, type SecretKey } from './keys.js';
export { MinisignFormatError } from './minisign-format.js';
export { formatTrustedComment, parseSignature, parseTrustedComment, signMessage, verifySignature, type ParsedSignature, type VerifyResult } from './signature.js';
export { SIGNOFF_DIR, signaturePath, signedManifestPath } from './signoff-files.js';
export { signoffFindings } from './signoff-findings.js';
