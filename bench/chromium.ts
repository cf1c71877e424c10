// Shared by the benches that time code in headless Chromium (detect.bench.ts, prompts.bench.ts): the code bundled by
// esbuild as one IIFE exposing its exports on `LS`, and Debian's Chromium (never a downloaded one).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

/** `exports` is module text such as "export { promptsFor } from './src/prompts/prompts-for';" (paths from the project root). */
export async function bundleForPage(exports: string, minify = false): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ stdin: { contents: exports, resolveDir: resolve('.'), loader: 'ts' }, bundle: true, minify, format: 'iife', globalName: 'LS', write: false, logLevel: 'silent' });
  return out.outputFiles[0]?.text ?? '';
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}
