export type CheckerErrorCode = 'ENOENT' | 'ENOTDIR' | 'EINVAL' | 'EOUTSIDE';

/** A user-facing error of the checker (bad folder, bad option); `message` says what to fix. */
export class CheckerError extends Error {
  readonly code: CheckerErrorCode;
  constructor(code: CheckerErrorCode, message: string) {
    super(message);
    this.name = 'CheckerError';
    this.code = code;
  }
}
