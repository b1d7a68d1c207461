// A worker for pool.test.ts that claims one file and then dies, as a worker over its heap limit would.
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', ({ counter }) => {
  Atomics.add(counter, 0, 1);
  process.exit(3);
});
