import type { Db } from '../storage';
import type { OffsetClock } from './clock';

const KEY = 'clock_offset_ms';

/** Loads the emulated-time offset saved by an earlier run (0 when none). */
export async function loadClockOffset(db: Db, clock: OffsetClock): Promise<void> {
  const row = await db.selectFrom('platform_state').select('value').where('key', '=', KEY).executeTakeFirst();
  const offset = row ? Number(row.value) : 0;
  clock.setOffset(Number.isFinite(offset) ? offset : 0);
}

export async function saveClockOffset(db: Db, clock: OffsetClock): Promise<void> {
  await db
    .insertInto('platform_state')
    .values({ key: KEY, value: String(clock.offsetMs) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(clock.offsetMs) }))
    .execute();
}
