export type BundleErrorCode =
  | 'empty'
  | 'truncated'
  | 'not-json'
  | 'not-a-bundle'
  | 'unsupported-version'
  | 'invalid'
  /** Its articles do not match their checksum (format 2): changed after it was built. */
  | 'damaged';

/** A bundle that cannot be loaded; `message` is one line naming the problem. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
