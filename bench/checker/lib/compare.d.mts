// Types for compare.mjs (plain Node ESM, run by run.mjs).
export type Tool = 'ours' | 'eslint' | 'oxlint';
export type Kind = 'eval' | 'new-function' | 'implied-eval';
export interface ToolFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
}
export interface Place {
  file: string;
  line: number;
  column: number;
  byTool: Record<Tool, Kind[]>;
}
export const TOOLS: Tool[];
export const TOOL_LABEL: Record<Tool, string>;
export function placesOf(findingsByTool: Partial<Record<Tool, ToolFinding[]>>): Place[];
export function disagreements(places: Place[], toolsFor: (file: string) => Tool[]): Place[];
export function countsByKind(
  findings: ToolFinding[],
  tool: Tool,
): { counts: Record<Kind, number>; other: Record<string, number> };
export function verdictOf(place: Place, toolsThatRan: Tool[]): string;
export function contextOf(
  corpusDir: string,
  place: Place,
  cache?: Map<string, string[]>,
): { excerpt: string; eslintDisableNearby: boolean };
export function disabledByComment(lines: string[], line: number): boolean;
