export { checkDirectory, checkFiles } from './check-files';
export { checkSource } from './check-source';
export { CheckerError, type CheckerErrorCode } from './errors';
export { rules } from './rules';
export type * from './types';
