import { analyzeJs, type JsAnalysis, type JsOptions } from './analyze';

/** Entry point for whole JS files (the skeleton pre-scan plugs in here). */
export function analyzeJsFast(source: string, filename: string, options: JsOptions): JsAnalysis {
  return analyzeJs(source, filename, options);
}
