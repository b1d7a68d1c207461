/**
 * Every shape a signature header arrives in: the value itself, a fetch `Headers`, Node's
 * `IncomingHttpHeaders` (lowercased keys, arrays for repeats), or any plain object of headers.
 */
export type SignatureHeaderInput =
  | string
  | string[]
  | null
  | undefined
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

/** Finds `name` case-insensitively (spec §10 #25: `Tiktok-Signature` vs `TikTok-Signature`). */
export function readHeader(input: SignatureHeaderInput, name: string): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'string') return input;
  if (Array.isArray(input)) return input[0];
  if (typeof input.get === 'function' && !isPlainRecord(input)) {
    return (input as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(input)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function isPlainRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
