import type { Engine } from '../../storage';
import type { MoneyDb, MoneyTrx } from './tables';

/** PostgreSQL serialization failure / deadlock: safe to run the whole transaction again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** Runs `fn` in one DB transaction; on PostgreSQL, retries it a few times after a deadlock. */
export async function inTransaction<T>(
  db: MoneyDb,
  engine: Engine,
  fn: (trx: MoneyTrx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (engine !== 'postgres' || !code || !RETRYABLE.has(code) || attempt >= 5) throw error;
    }
  }
}
