import { UsageError } from '../errors.js';
import { FileReadError, READ_LIMITS, readRegularFile } from '../fs/read-file.js';
import { parsePublicKey, parseSecretKeyFile, type PublicKey } from './keys.js';
import { MinisignFormatError } from './minisign-format.js';

/** A minisign public key line: base64 of 42 bytes, starting with `Ed` (`RW…`). */
const KEY_LINE = /^RW[A-Za-z0-9+/]{54}$/;

/** A public key given as a `.pub` file or as its base64 line; every problem is a UsageError saying what to give instead. */
export async function readPublicKeyArgument(given: string): Promise<PublicKey> {
  const text = KEY_LINE.test(given.trim()) ? given : await readKeyFile(given);
  try {
    return parsePublicKey(text);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    if (isSecretKey(text)) throw new UsageError(`${given} is a private key: give its public key (the .pub file beside it), which is safe to share`);
    throw new UsageError(`${given} is not a minisign public key: ${error.message}`);
  }
}

async function readKeyFile(path: string): Promise<string> {
  try {
    return (await readRegularFile(path, READ_LIMITS.key)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    const why = error.reason === 'too-large' ? 'it is far too large to be a key' : `it ${error.detail}`;
    throw new UsageError(`cannot read the public key ${path}: ${why}. Give the .pub file, or the key's line (RW…)`);
  }
}

function isSecretKey(text: string): boolean {
  try {
    parseSecretKeyFile(text);
    return true;
  } catch {
    return false;
  }
}
