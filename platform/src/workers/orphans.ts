import { hostname } from 'node:os';
import type { MoneyDb } from '../domains/payments/tables';

/** Is a process of this machine alive? (signal 0 only checks.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims held by a dead worker of this machine (lease owner `<host>:<pid>:…` whose pid no
 * longer runs) are handed back at once instead of after their lease: a restarted server
 * resends what its previous life was sending when it was killed. Claims of other machines
 * wait for their lease to expire. Returns how many rows were released.
 */
export async function releaseOrphanedClaims(db: MoneyDb, now: number): Promise<number> {
  const owners = await db
    .selectFrom('webhook_deliveries')
    .select('lease_owner')
    .distinct()
    .where('status', '=', 'delivering')
    .execute();
  const host = hostname();
  const dead = owners
    .map((r) => r.lease_owner)
    .filter((owner): owner is string => {
      if (!owner) return false;
      const [ownerHost, pidText] = owner.split(':');
      const pid = Number(pidText);
      return ownerHost === host && Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid);
    });
  if (dead.length === 0) return 0;
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now, lease_owner: null, lease_expires_at: null })
    .where('status', '=', 'delivering')
    .where('lease_owner', 'in', dead)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
