// Loads the demo clinical-record pages (test/demo/ehr.mjs) into happy-dom
// windows. ehr.mjs is plain JavaScript, so it is imported by URL with a typed shape.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';

interface EhrModule {
  renderEhrPage(pathAndQuery: string): { status: number; html: string } | null;
  PATIENTS: { id: string; chi: string; birthDate: string; sex: 'female' | 'male'; postcode: string; given: string; family: string; problems: { term: string; code: string }[]; medications: string[]; notes: string }[];
  HOSTILE_SCRIPT: string;
}

export const ehr = (await import(/* @vite-ignore */ pathToFileURL(resolve('test/demo/ehr.mjs')).href)) as EhrModule;
export const ORIGIN = 'http://127.0.0.1:4173';

export interface LoadedPage {
  window: Window;
  doc: Document;
  url: string;
}

/** Render a demo path and parse it into a fresh window (scripts run only when asked). */
export function loadDemo(path: string, runScripts = false): LoadedPage {
  const result = ehr.renderEhrPage(path);
  if (!result) throw new Error(`no demo page at ${path}`);
  const url = ORIGIN + path;
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: runScripts, suppressInsecureJavaScriptEnvironmentWarning: true } });
  window.document.write(result.html);
  return { window, doc: window.document as unknown as Document, url };
}

export function patientById(id: string): EhrModule['PATIENTS'][number] {
  const p = ehr.PATIENTS.find((x) => x.id === id);
  if (!p) throw new Error(`no demo patient ${id}`);
  return p;
}
