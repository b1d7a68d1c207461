export type ScriptKind = 'classic' | 'module' | 'jsx' | 'importmap' | 'html-template' | 'data';

const CLASSIC = new Set([
  '',
  'text/javascript',
  'application/javascript',
  'text/ecmascript',
  'application/ecmascript',
  'application/x-javascript',
  'text/x-javascript',
  'application/x-ecmascript',
  'text/x-ecmascript',
  'text/jscript',
  'text/livescript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
]);
/** Run in the page by a compiler shipped with the Mini (e.g. @babel/standalone). */
const JSX = new Set(['text/babel', 'text/jsx', 'text/x-babel']);
/** Markup kept in a script for client-side templating; it ends up in the DOM. */
const TEMPLATES = new Set([
  'text/template',
  'text/html',
  'text/x-template',
  'text/ng-template',
  'text/x-handlebars-template',
  'text/x-handlebars',
  'text/x-jsrender',
  'text/x-kendo-template',
]);

/** What the browser (or a template engine) does with an inline <script type=…>. */
export function classifyScriptType(type: string | undefined): ScriptKind {
  const t = (type ?? '').trim().toLowerCase().split(';')[0]?.trim() ?? '';
  if (CLASSIC.has(t)) return 'classic';
  if (t === 'module') return 'module';
  if (JSX.has(t)) return 'jsx';
  if (t === 'importmap') return 'importmap';
  if (TEMPLATES.has(t)) return 'html-template';
  return 'data';
}
