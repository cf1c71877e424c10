// Opens a corpus screen in happy-dom as a browser would show it: iframes load
// their sibling frame files, and declarative shadow DOM (which happy-dom does
// not parse) is attached by hand.
import { Window } from 'happy-dom';
import { detectPatient } from '../../../src/adapters/detect';
import type { Screen } from './corpus';
import { scoreScreen, type Score } from './score';

export interface OpenScreen {
  window: Window;
  doc: Document;
  url: string;
}

/**
 * Test-only: turn every `<template shadowrootmode="open|closed">` under `root`
 * into its parent's shadow root, as a browser's parser does. Nested templates
 * inside the new shadow roots are attached too.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  const templates = Array.from(root.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[];
  for (const template of templates) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** The screen in a fresh window; frame files are served for their iframes, anything else is a 404. */
export async function openScreen(screen: Screen): Promise<OpenScreen> {
  const url = screen.expect.url;
  const window: Window = new Window({
    url,
    settings: {
      enableIframePageLoading: true,
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ request }) => {
            const name = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
            const html = screen.frames[name];
            return html === undefined
              ? new window.Response('', { status: 404 })
              : new window.Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
          },
        },
      },
    },
  });
  window.document.write(screen.html);
  await window.happyDOM.waitUntilComplete();
  const doc = window.document as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  const frames = doc.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length; i++) {
    const frameDoc = (frames[i] as HTMLIFrameElement).contentDocument;
    if (frameDoc) attachDeclarativeShadowRoots(frameDoc);
  }
  return { window, doc, url };
}

/** The generic detector's reading of a screen in happy-dom, scored against its expectation, as on `now`. */
export async function scoreInHappyDom(screen: Screen, now: Date): Promise<Score> {
  const page = await openScreen(screen);
  try {
    return scoreScreen(screen.expect, detectPatient(page.doc, page.url, undefined, now));
  } finally {
    await page.window.happyDOM.close();
  }
}
