import {
  analyzeJs,
  analyzeProgram,
  type JsAnalysis,
  type JsOptions,
  type ParsedJs,
  parseForAnalysis,
} from './analyze';
import type { Dependency } from './evaluate';
import { graftBodies } from './graft';
import { type ParamScope, scanSkeleton } from './skeleton';
import {
  innermost,
  inSpans,
  intersectSpans,
  lastAtOrBefore,
  mergedSpans,
  parentsOf,
  subtractSpans,
  unionOfSpans,
} from './spans';
import { IDENT, isTriggerWord } from './triggers';

/** Deeper nesting than this is refused: the native parser's recursion would overflow its stack. */
export const MAX_NESTING = 1000;
const MAX_ROUNDS = 3;

/** Counters for measurements (README throughput notes): analyses run, extra rounds, full fallbacks. */
export const fastStats = {
  files: 0,
  rounds: 0,
  fullFallbacks: 0,
  bytes: 0,
  blankedBytes: 0,
  literalKeeps: 0,
  nameKeeps: 0,
  grafts: 0,
};

/**
 * Analyses a JS text, parsing only what can matter.
 *
 * Exactness of the blanking (skeleton.ts). A blanked region holds no trigger word, so no finding
 * starts inside it. Regions are whole function bodies (their declarations are their own) and
 * object literals or class bodies that declare nothing, so no name left in place resolves
 * differently. Removing writes can only add findings. What can still differ:
 * - a name a finding resolved, written in a blanked region (the finding may not exist);
 * - a binding whose value is sensitive (an alias of eval, window, navigator…) used in a blanked
 *   region (a finding may hide there);
 * - an object literal whose property a site holding a trigger reads (`o.k` with `o = {k: 'ev'}`).
 * After each analysis those regions are kept and the text analysed again, until nothing changes.
 * A skeleton that does not parse falls back to the whole text, as does a file that needs more
 * than MAX_ROUNDS rounds.
 */
export function analyzeJsFast(source: string, filename: string, options: JsOptions): JsAnalysis {
  const skeleton = scanSkeleton(source);
  if (!skeleton.hasTriggers) return { findings: [], sawLogin: false };
  if (skeleton.maxDepth > MAX_NESTING) {
    throw new RangeError(`nesting deeper than ${MAX_NESTING} levels (found ${skeleton.maxDepth})`);
  }
  const { bodies, inert } = skeleton;
  fastStats.files++;
  fastStats.bytes += source.length;
  const kept = new Uint8Array(bodies.length);
  const paramScopes = skeleton.paramScopes ?? [];
  let previous: { parsed: ParsedJs; selected: number[] } | undefined;
  const searched = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const selected = maximalBodies(bodies, kept);
    const blankedBodies = flatSpans(bodies, selected);
    const regions = unionOfSpans(blankedBodies, inert);
    if (regions.length === 0) break;
    fastStats.rounds++;
    if (round === 0)
      for (let r = 0; r < regions.length; r += 2)
        fastStats.blankedBytes += (regions[r + 1] as number) - (regions[r] as number);
    const roundOptions = {
      ...options,
      collectDependencies: true,
      triggers: skeleton.triggers,
      blank: regions,
      // Comments and strings in code that stays keep their line breaks (ASI); blanked bodies need none.
      lineBreaksIn: subtractSpans(inert, blankedBodies),
    };
    let parsed = previous && graftNewBodies(previous, bodies, kept, source, filename, roundOptions);
    if (parsed) fastStats.grafts++;
    else parsed = parseForAnalysis(source, filename, roundOptions);
    const result = analyzeProgram(parsed, source, roundOptions);
    if (result.syntaxError) break;
    const keptLiterals = keepConsulted(result.consulted ?? [], bodies, selected, kept);
    const keptBodies = keepBodiesUsing(
      source,
      result.dependencies ?? [],
      bodies,
      selected,
      kept,
      inert,
      paramScopes,
      searched,
    );
    if (keptLiterals) fastStats.literalKeeps++;
    if (keptBodies) fastStats.nameKeeps++;
    if (!keptLiterals && !keptBodies) return result;
    previous = { parsed, selected };
  }
  fastStats.fullFallbacks++;
  return analyzeJs(source, filename, options);
}

/**
 * The next round's AST from the previous one (graft.ts): the bodies blanked last round and kept
 * now are parsed alone and put in place. Undefined when that cannot be done exactly.
 */
function graftNewBodies(
  previous: { parsed: ParsedJs; selected: number[] },
  bodies: Array<[number, number]>,
  kept: Uint8Array,
  source: string,
  filename: string,
  options: JsOptions & { blank: number[] },
): ParsedJs | undefined {
  const units = previous.selected.filter((b) => kept[b] === 1).map((b) => bodies[b] as [number, number]);
  const grafted = graftBodies(previous.parsed, units, options.blank, source, filename);
  if (grafted && process.env.OPENMINIS_CHECKER_VERIFY_GRAFT === '1')
    verifyGraft(grafted, source, filename, options);
  return grafted;
}

/** Test aid: the grafted AST must be the one a whole parse gives. */
function verifyGraft(grafted: ParsedJs, source: string, filename: string, options: JsOptions): void {
  const whole = parseForAnalysis(source, filename, options);
  const a = JSON.stringify(grafted.program, bigIntSafe);
  const b = JSON.stringify(whole.program, bigIntSafe);
  if (a !== b) throw new Error(`graft differs from a whole parse in ${filename}`);
}

function bigIntSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/** Indices of bodies not kept and not inside another such body. */
function maximalBodies(bodies: Array<[number, number]>, kept: Uint8Array): number[] {
  const out: number[] = [];
  let lastEnd = -1;
  for (let b = 0; b < bodies.length; b++) {
    const [start, end] = bodies[b] as [number, number];
    if (kept[b] === 1 || start < lastEnd) continue;
    out.push(b);
    lastEnd = end;
  }
  return out;
}

function flatSpans(bodies: Array<[number, number]>, selected: number[]): number[] {
  const out = new Array<number>(selected.length * 2);
  for (let i = 0; i < selected.length; i++) {
    const body = bodies[selected[i] as number] as [number, number];
    out[2 * i] = body[0];
    out[2 * i + 1] = body[1];
  }
  return out;
}

/**
 * Marks as kept every blanked body around an occurrence (as code, within the binding's scope, not
 * shadowed by a parameter, not a `.p` access that cannot matter) of a dependency. Returns whether
 * anything changed.
 *
 * A dependency already searched in an earlier round (`searched`) is not searched again: every body
 * blanked now lies inside a body blanked then, and an occurrence that mattered then had its bodies
 * kept, so the same search cannot keep anything new.
 */
function keepBodiesUsing(
  source: string,
  dependencies: Dependency[],
  bodies: Array<[number, number]>,
  selected: number[],
  kept: Uint8Array,
  inert: number[],
  paramScopes: ParamScope[],
  searched: Set<string>,
): boolean {
  if (dependencies.length === 0 || selected.length === 0) return false;
  const byName = new Map<string, Dependency[]>();
  for (const dependency of dependencies) {
    if (isTriggerWord(dependency[0])) continue;
    const key = dependencyKey(dependency);
    if (searched.has(key)) continue;
    searched.add(key);
    const list = byName.get(dependency[0]) ?? [];
    list.push(dependency);
    byName.set(dependency[0], list);
  }
  if (byName.size === 0) return false;
  const bodyParents = parentsOf(bodies);
  const scopeParents = parentsOf(paramScopes);
  const selectedStarts = selected.map((b) => (bodies[b] as [number, number])[0]);
  const alternation = [...byName.keys()].map((n) => n.replaceAll('$', '\\$')).join('|');
  const re = new RegExp(`(?<![\\w$.])(?:${alternation})(?![\\w$])`, 'g');
  // Only the blanked bodies inside some dependency's scope can hold an occurrence that matters.
  const ranges = intersectSpans(flatSpans(bodies, selected), scopesOf(byName));
  let changed = false;
  for (let r = 0; r < ranges.length; r += 2) {
    const from = ranges[r] as number;
    // A slice of a long string shares its characters: the search stops at the range's end.
    const text = source.slice(from, ranges[r + 1] as number);
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const at = from + m.index;
      if (m.index === 0 && from > 0 && isWordOrDot(source.charCodeAt(from - 1))) continue;
      if (keepAround(source, at, m[0])) changed = true;
    }
  }
  return changed;

  function keepAround(source: string, at: number, name: string): boolean {
    const k = lastAtOrBefore(selectedStarts, at);
    if (k < 0 || at >= (bodies[selected[k] as number] as [number, number])[1] || inSpans(inert, at))
      return false;
    const inner = innermost(bodies, bodyParents, at);
    if (inner >= 0 && kept[inner] === 1) return false;
    let matters = false;
    // The property after the name is read only when a dependency limits the properties that matter.
    let property: string | undefined | null = null;
    for (const [, s, e, props] of byName.get(name) ?? []) {
      if (at < s || at >= e) continue;
      if (props !== undefined) {
        if (property === null) property = propertyAfter(source, at + name.length);
        if (property !== undefined && !props.includes(property)) continue;
      }
      if (shadowedByParameter(source, name, at, s, e, paramScopes, scopeParents)) continue;
      matters = true;
      break;
    }
    if (!matters) return false;
    let changedHere = false;
    for (let b = inner; b >= 0 && kept[b] === 0; b = bodyParents[b] as number) {
      kept[b] = 1;
      changedHere = true;
    }
    return changedHere;
  }
}

function dependencyKey([name, start, end, properties]: Dependency): string {
  return properties === undefined
    ? `${name} ${start} ${end}`
    : `${name} ${start} ${end} ${properties.join(',')}`;
}

/** The union of the dependencies' scopes, as flat sorted disjoint spans. */
function scopesOf(byName: Map<string, Dependency[]>): number[] {
  const spans: Array<[number, number]> = [];
  for (const list of byName.values()) for (const [, s, e] of list) spans.push([s, e]);
  return mergedSpans(spans);
}

function isWordOrDot(c: number): boolean {
  return c === 46 || isWordChar(c);
}

/** Keeps the blanked object literals whose properties were read (`o.k` with `o = {k: …}`). */
function keepConsulted(
  consulted: Array<[number, number]>,
  bodies: Array<[number, number]>,
  selected: number[],
  kept: Uint8Array,
): boolean {
  if (consulted.length === 0) return false;
  // A literal's interior starts after its `{` and ends before its `}`.
  const wanted = new Map<number, number>();
  for (const [start, end] of consulted) wanted.set(start + 1, end - 1);
  let changed = false;
  for (const b of selected) {
    const [start, end] = bodies[b] as [number, number];
    if (wanted.get(start) === end) {
      kept[b] = 1;
      changed = true;
    }
  }
  return changed;
}

/**
 * True when a function, arrow or catch body strictly inside the dependency's scope [s, e) and
 * around `at` declares `name` as a parameter: the occurrence then means that parameter.
 */
function shadowedByParameter(
  source: string,
  name: string,
  at: number,
  s: number,
  e: number,
  scopes: ParamScope[],
  parents: Int32Array,
): boolean {
  for (let i = innermost(scopes, parents, at); i >= 0; i = parents[i] as number) {
    const [, bodyEnd, ps, pe] = scopes[i] as ParamScope;
    if (ps < s) break;
    if (bodyEnd + 1 >= e) continue;
    if (declares(source.slice(ps, pe), name)) return true;
  }
  return false;
}

/**
 * Whether a parameter list declares `name`. Only plain lists are read: with a default value
 * (`a = name`) or a renaming pattern (`{name: a}`) the name may be no parameter, so such lists never
 * shadow (the body is then kept, which is always exact).
 */
function declares(params: string, name: string): boolean {
  if (params.includes('=') || params.includes(':')) return false;
  let from = 0;
  for (let i = params.indexOf(name); i !== -1; i = params.indexOf(name, from)) {
    const before = i === 0 ? 32 : params.charCodeAt(i - 1);
    const after = i + name.length >= params.length ? 32 : params.charCodeAt(i + name.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = i + 1;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return IDENT[c] === 1;
}

/** `p` when the text at `from` is `.p` or `?.p` (spaces allowed), else undefined. */
function propertyAfter(source: string, from: number): string | undefined {
  const m = /^\s*\??\.\s*([\w$]+)/.exec(source.slice(from, from + 64));
  return m ? m[1] : undefined;
}
