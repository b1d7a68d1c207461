// One timed autocannon run, reduced to the numbers the report needs. Besides requests per
// second and latency it records how busy each side was: on a 2-core machine a server at
// ~100 % of a core is the bottleneck, a load generator at ~100 % means the number is a floor.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cpuDelta, machineBusySeconds, processCpuSeconds, processesCpuSeconds } from './cpu';

export interface LoadSettings {
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration: number;
}

export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Called for every request: its own path, body or headers (e.g. the next single-use code). */
  next?: () => { path?: string; body?: string; headers?: Record<string, string> };
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  /**
   * Checks each 2xx response body (v2 business errors answer HTTP 200); false counts as
   * failed. Reading bodies costs the load generator a little, so only scenarios that need it.
   */
  checkBody?: (body: string) => boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  /** 2xx responses whose body `checkBody` rejected. */
  failedBodies: number;
  errors: number;
  timeouts: number;
  /** 1-minute load average just before the run. */
  loadBefore: number;
  /** CPU of the server process over the run, in % of one core. */
  serverCpu: number | undefined;
  /** CPU of this process (autocannon) over the run, in % of one core. */
  generatorCpu: number;
  /** CPU of the database server processes serving the platform (PostgreSQL), in % of one core. */
  databaseCpu: number | undefined;
  /** CPU of every other process on the machine over the run, in % of one core. */
  othersCpu: number | undefined;
}

export interface LoadProbes {
  serverPid: number;
  /** The PostgreSQL backends serving the platform, when it runs on PostgreSQL. */
  databasePids?: () => Promise<number[]>;
}

export async function runLoad(
  request: LoadRequest,
  settings: LoadSettings,
  probes: LoadProbes,
): Promise<LoadResult> {
  const { serverPid } = probes;
  const url = new URL(request.url);
  const databaseBefore = probes.databasePids ? processesCpuSeconds(await probes.databasePids()) : undefined;
  const loadBefore = loadavg()[0] ?? 0;
  const serverCpuBefore = processCpuSeconds(serverPid);
  const ownCpuBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  const started = performance.now();
  const { next, checkBody } = request;
  let failedBodies = 0;
  // autocannon reports a run only at its next 1-second sample tick, so with `amount` its
  // duration is rounded up to whole seconds; time the last response ourselves instead.
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: url.origin,
        connections: settings.connections,
        duration: settings.duration,
        ...(request.amount !== undefined ? { amount: request.amount } : {}),
        timeout: 10,
        requests: [
          {
            method: request.method ?? 'GET',
            path: url.pathname + url.search,
            headers: request.headers ?? {},
            ...(request.body !== undefined ? { body: request.body } : {}),
            ...(next ? { setupRequest: (req: autocannon.Request) => ({ ...req, ...next() }) } : {}),
            ...(checkBody
              ? {
                  onResponse: (status: number, body: string) => {
                    if (status < 300 && !checkBody(body)) failedBodies++;
                  },
                }
              : {}),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', () => {
      lastResponse = performance.now();
    });
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serverCpuAfter = processCpuSeconds(serverPid);
  const machineAfter = machineBusySeconds();
  const databaseSeconds =
    databaseBefore && probes.databasePids
      ? cpuDelta(
          databaseBefore,
          processesCpuSeconds([...databaseBefore.keys(), ...(await probes.databasePids())]),
        )
      : undefined;
  const ownSeconds = (ownCpu.user + ownCpu.system) / 1e6;
  const serverSeconds =
    serverCpuBefore !== undefined && serverCpuAfter !== undefined
      ? serverCpuAfter - serverCpuBefore
      : undefined;
  const seconds =
    request.amount !== undefined && lastResponse > started
      ? (lastResponse - started) / 1000
      : result.duration > 0
        ? result.duration
        : wallSeconds;
  // CPU over the time requests were in flight, not autocannon's idle wait for its tick.
  const busySeconds =
    request.amount !== undefined ? Math.min(wallSeconds, Math.max(seconds, 0.001)) : wallSeconds;
  return {
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    failedBodies,
    errors: result.errors,
    timeouts: result.timeouts,
    loadBefore,
    serverCpu: serverSeconds !== undefined ? (serverSeconds / busySeconds) * 100 : undefined,
    generatorCpu: (ownSeconds / busySeconds) * 100,
    databaseCpu: databaseSeconds !== undefined ? (databaseSeconds / busySeconds) * 100 : undefined,
    othersCpu:
      machineBefore !== undefined && machineAfter !== undefined && serverSeconds !== undefined
        ? (Math.max(0, machineAfter - machineBefore - ownSeconds - serverSeconds - (databaseSeconds ?? 0)) /
            busySeconds) *
          100
        : undefined,
  };
}
