import { InvalidInputError } from '../errors.js';
import type { Finding } from '../findings.js';

/** The application cannot be packed as it stands (exit 1); the findings say why. */
export class PackRefusedError extends InvalidInputError {
  override name = 'PackRefusedError';
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
  }
}
