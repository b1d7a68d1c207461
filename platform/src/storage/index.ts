export {
  type Engine,
  isPostgresUrl,
  type OpenDatabaseOptions,
  type OpenedDatabase,
  openDatabase,
} from './dialect';
export { MigrationError, migrateToLatest } from './migrate';
export { deleteAllRows } from './reset';
export type * from './schema';
