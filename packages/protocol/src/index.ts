// The contract shared by every package. No Node and no DOM APIs here: disk access lives in
// `@openminis/protocol/node`.
export * from './config/index';
export * from './manifest/index';
export * from './openapi/index';
