import { type ParseResult, type ParserOptions, parseSync } from 'oxc-parser';
import { getBufferOffset, parseRawSync } from 'oxc-parser/src-js/bindings.js';
import { ACTIVE_SIZE, BLOCK_ALIGN, BLOCK_SIZE, BUFFER_SIZE } from 'oxc-parser/src-js/generated/constants.js';
import { deserialize } from 'oxc-parser/src-js/generated/deserialize/js.js';
import { type BlankExtras, blankUtf8, writeBlankedAgain } from './blank-utf8';
import { blankRegions } from './skeleton';

/**
 * oxc-parser with "raw transfer": the Rust parser writes the AST into memory shared with JS and a
 * generated deserializer builds the ESTree objects straight from it, about 4× faster than the JSON
 * path `parseSync` uses (measured on the checker corpus: 2.4 s vs 9.5 s for 57 MB; see
 * bench/checker/README.md). That JSON path was most of the checker's time.
 *
 * oxc-parser gates raw transfer on Node ≥ 22 only because it computes the buffer's alignment
 * through a typed-array view of the whole 6 GiB allocation, and Node 20 caps typed arrays at
 * 4 GiB. The alignment is a property of the allocation's address, so a 1-byte view gives the same
 * answer; every other step is the one `oxc-parser/src-js/raw-transfer` performs. The buffer is
 * 6 GiB of address space (one per thread), of which only the pages a parse writes become memory.
 * When it cannot be had (a 32-bit or big-endian host, an address-space limit), the JSON path is used.
 */
export type Parsed = Pick<ParseResult, 'program' | 'errors'>;

interface RawBuffer extends Uint8Array {
  int32: Int32Array;
  float64: Float64Array;
  block: Uint8Array;
}

let rawBuffer: RawBuffer | null | undefined;
/**
 * Idle time after which the buffer is let go, so a long-lived process does not keep the pages a big
 * parse touched. The same as an idle worker's (workers/worker-threads.ts): touching those pages again
 * is not free (on the benchmark corpus a run after a release took ~0.4 s longer).
 */
const RELEASE_AFTER_MS = 30_000;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;

function releaseSoon(): void {
  if (releaseTimer) releaseTimer.refresh();
  else {
    releaseTimer = setTimeout(releaseRawBuffer, RELEASE_AFTER_MS);
    releaseTimer.unref();
  }
}
const encoder = new TextEncoder();
/** TextEncoder.encodeInto cannot write more than 1 GiB at once (a source of ~350 M characters). */
const MAX_RAW_CHARS = Math.floor((1 << 30) / 3);

function acquireBuffer(): RawBuffer | null {
  if (rawBuffer !== undefined) return rawBuffer;
  rawBuffer = null;
  if (process.env.OPENMINIS_CHECKER_RAW_TRANSFER === '0') return null;
  try {
    const memory = new ArrayBuffer(BLOCK_SIZE + BLOCK_ALIGN);
    const offset = getBufferOffset(new Uint8Array(memory, 0, 1));
    const buffer = new Uint8Array(memory, offset, BUFFER_SIZE) as RawBuffer;
    buffer.int32 = new Int32Array(memory, offset, BUFFER_SIZE / 4);
    buffer.float64 = new Float64Array(memory, offset, BUFFER_SIZE / 8);
    buffer.block = new Uint8Array(memory, offset, BLOCK_SIZE);
    rawBuffer = buffer;
  } catch {
    // No 6 GiB of address space (or no 64-bit little-endian host): the JSON path works everywhere.
  }
  return rawBuffer;
}

/**
 * Parses JavaScript (or JSX) into ESTree, as `parseSync` would. With `blank` (flat, sorted, disjoint
 * [start, end) offsets), parses the text with those regions blanked (skeleton.ts); offsets in the
 * result are the same as in `source`, and nothing in it comes from a blanked region. `extras` (blank-utf8.ts):
 * where line breaks must stay, and single ASCII characters to put over ASCII ones (graft.ts).
 */
export function parseJs(
  filename: string,
  source: string,
  options: ParserOptions,
  blank?: readonly number[],
  extras: BlankExtras = {},
): Parsed {
  const writes = extras.writes ?? [];
  const buffer = source.length <= MAX_RAW_CHARS ? acquireBuffer() : null;
  if (!buffer) {
    let text = blank && blank.length > 0 ? blankRegions(source, blank) : source;
    for (const [offset, char] of writes) text = `${text.slice(0, offset)}${char}${text.slice(offset + 1)}`;
    return parseSync(filename, text, options) as Parsed;
  }
  const reserved = source.length * 3;
  const sourceStart = ACTIVE_SIZE - reserved;
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset + sourceStart, reserved);
  const blanking = (blank && blank.length > 0) || writes.length > 0;
  let written = blanking ? writeBlankedAgain(bytes, source, blank ?? [], extras) : undefined;
  if (written === undefined) {
    if (offered?.source === source) {
      bytes.set(offered.utf8);
      written = offered.utf8.length;
    } else written = encoder.encodeInto(source, bytes).written;
    if (blanking) blankUtf8(bytes, source, blank ?? [], written, extras);
  }
  parseRawSync(filename, buffer.block, sourceStart, written, options);
  releaseSoon();
  // The deserializer slices names and raw values out of `source`: equal to the blanked text
  // wherever the AST has a node (blanking keeps every character's length).
  return deserialize(buffer, source, sourceStart, written) as Parsed;
}

let offered: { source: string; utf8: Uint8Array } | undefined;

/**
 * The UTF-8 bytes of a source about to be parsed (a file as read, check-file.ts): copied into the
 * parser's buffer instead of encoding the text again. `utf8` must be exactly what encoding `source`
 * gives. Undefined forgets them.
 */
export function offerUtf8(source: string | undefined, utf8?: Uint8Array): void {
  offered = source !== undefined && utf8 !== undefined ? { source, utf8 } : undefined;
}

/** Lets go of this thread's raw-transfer buffer now (the next parse takes a new one). */
export function releaseRawBuffer(): void {
  if (releaseTimer) clearTimeout(releaseTimer);
  releaseTimer = undefined;
  if (rawBuffer) rawBuffer = undefined;
}

/** Whether this thread holds a raw-transfer buffer now (tests). */
export function rawBufferHeld(): boolean {
  return rawBuffer != null;
}

/** Whether parses go through raw transfer (for the benchmark's report). */
export function rawTransferInUse(): boolean {
  return acquireBuffer() !== null;
}
