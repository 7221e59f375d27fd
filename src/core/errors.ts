/** The command could not run as asked (bad flags, missing folder, unwritable output): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The input is well-formed enough to judge and was judged invalid: exit 1. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}
