export { verifyPack } from './verify-pack.js';
export type { VerifyOptions, VerifyProblem, VerifyResult, SignatureVerdict, BagSummary } from './types.js';
