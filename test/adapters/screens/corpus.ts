// The record-screen corpus (test/fixtures/screens/{dev,dev2,heldout}): invented
// screens, each `<id>.html` with `<id>.expect.json` and optional frame files;
// anything else in a folder (a README, an author's self-check script) is not a screen.
// Plain Node (fs only), so a real-browser run can load the same screens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One screen's expectation, as the corpus authors wrote it (see each half's
 * README). The dev2 author writes null for what a "none" screen has not.
 */
export interface ScreenExpect {
  id: string;
  url: string;
  expect: 'patient' | 'none';
  vendor?: string;
  description?: string;
  frames?: string[];
  identifier?: { chi?: string; nhs?: string };
  name?: { family?: string; given?: string } | null;
  birthDate?: string | null;
  age?: number | null;
  sex?: 'female' | 'male' | 'unknown';
  /** null: the page shows no postcode for the patient, so none may be read. */
  postcode?: string | null;
  /** Absent on a patient screen: the patient has no phone on screen. */
  phone?: string | null;
  /** null: no problem list on screen. */
  problem?: string | null;
  /** null: no medication list on screen. */
  medicationCount?: number | null;
  notePhrase?: string | null;
  forbidden?: { identifiers?: string[]; names?: string[]; postcodes?: string[]; birthDates?: string[]; phones?: string[] };
}

export interface Screen {
  id: string;
  html: string;
  expect: ScreenExpect;
  /** Frame file name -> its HTML, served when an iframe asks for that name. */
  frames: Record<string, string>;
}

/** Every screen in a corpus folder, sorted by id. */
export function loadCorpus(dir: string): Screen[] {
  const out: Screen[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.expect.json')) continue;
    const id = file.slice(0, -'.expect.json'.length);
    const expect = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ScreenExpect;
    const frames: Record<string, string> = {};
    for (const frame of expect.frames ?? []) frames[frame] = readFileSync(join(dir, frame), 'utf8');
    out.push({ id, html: readFileSync(join(dir, `${id}.html`), 'utf8'), expect, frames });
  }
  return out;
}
