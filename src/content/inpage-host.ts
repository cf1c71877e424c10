/**
 * The in-page panel, for practices that prefer it to the browser's side panel
 * (issue #17). The sidebar itself is an extension page in an iframe: a page
 * script can neither read inside it (another origin) nor send it events. The
 * iframe sits in a CLOSED shadow root, so the page cannot reach the frame
 * element either; only our own small "Links" tab button lives in the page,
 * and it acts on trusted clicks only.
 *
 * Contract kept for tests: the host element is `links-sidebar`, with
 * `data-patient-detected="true"` while a patient is shown.
 */
import { HOST_HARDENING } from '../lib/host-css';

export const HOST_TAG = 'links-sidebar';
const WIDTH = 360;

const CSS = `
:host {${HOST_HARDENING}
  top: 0 !important; right: 0 !important; bottom: 0 !important; left: auto !important;
  width: ${WIDTH}px !important; max-width: 100vw !important; height: 100vh !important;
}
:host([data-idle]) { display: none !important; }
:host([data-collapsed]) { width: 48px !important; height: 48px !important; top: 40vh !important; bottom: auto !important; }
iframe { pointer-events: auto; border: 0; border-left: 1px solid #b1b4b6; width: 100%; height: 100%; background: #fff; box-shadow: -2px 0 8px rgba(0,0,0,.15); }
button { all: initial; pointer-events: auto; box-sizing: border-box; display: block; width: 48px; height: 48px; background: #1d70b8; color: #fff;
  font: bold 13px system-ui, sans-serif; text-align: center; cursor: pointer; border-radius: 6px 0 0 6px; }
button:focus-visible { outline: 3px solid #fd0; }
:host(:not([data-collapsed])) button, :host([data-collapsed]) iframe, :host([data-collapsed]) .blank { display: none; }
/* Drawn in the same task the record's banner changed: the panel behind it may be a message behind. */
.blank { position: absolute; inset: 0; display: flex; align-items: flex-start; justify-content: center; padding-top: 40vh; box-sizing: border-box;
  background: #fff; color: #5c4400; font: 600 15px system-ui, sans-serif; border-left: 1px solid #b1b4b6; pointer-events: auto; }
:host([data-patient-detected]) .blank { display: none; }
`;

export interface InpageHost {
  element: HTMLElement;
  setPatient(detected: boolean): void;
  /** Shows the panel (it is mounted hidden, so its page loads while the record's banner is still being read). */
  show(): void;
  setCollapsed(collapsed: boolean): void;
  readonly collapsed: boolean;
  /** Gives the panel's frame keyboard focus (a frame may not take focus itself without a user gesture). */
  focusFrame(): void;
  /** Puts the element back if the page removed it (pages that rebuild their DOM). */
  ensureAttached(): void;
  remove(): void;
}

export function mountInpageHost(doc: Document, frameUrl: string, options: { hidden?: boolean } = {}): InpageHost {
  const element = doc.createElement(HOST_TAG);
  if (options.hidden) element.setAttribute('data-idle', '');
  const shadow = element.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const frame = doc.createElement('iframe');
  frame.src = frameUrl;
  frame.title = 'Links sidebar: social needs and local support';
  // No page-facing permissions for the frame: it is an extension page and needs none of the page's.
  frame.setAttribute('allow', '');
  const tab = doc.createElement('button');
  tab.type = 'button';
  tab.textContent = 'Links';
  tab.setAttribute('aria-label', 'Show the Links sidebar (Alt+Shift+L)');
  const blank = doc.createElement('div');
  blank.className = 'blank';
  blank.setAttribute('role', 'status');
  blank.textContent = 'No patient on screen';
  shadow.append(style, frame, blank, tab);
  let collapsed = false;
  const host: InpageHost = {
    element,
    show() {
      element.removeAttribute('data-idle');
    },
    setPatient(detected) {
      if (detected) element.setAttribute('data-patient-detected', 'true');
      else element.removeAttribute('data-patient-detected');
    },
    setCollapsed(next) {
      collapsed = next;
      element.toggleAttribute('data-collapsed', next);
    },
    get collapsed() {
      return collapsed;
    },
    focusFrame() {
      frame.focus();
    },
    ensureAttached() {
      if (!element.isConnected) doc.documentElement.append(element);
    },
    remove() {
      element.remove();
    },
  };
  tab.addEventListener('click', (event) => {
    // Only a person's click opens it: a page script's synthetic click is ignored.
    if (event.isTrusted) host.setCollapsed(false);
  });
  // Keys typed in the sidebar must not reach the record's own shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) element.addEventListener(type, (event) => event.stopPropagation());
  doc.documentElement.append(element);
  return host;
}
