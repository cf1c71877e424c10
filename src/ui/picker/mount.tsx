/**
 * The in-page adapter picker: its own element with an open shadow root, an
 * outline box drawn over whatever the pointer is on (page elements are never
 * restyled), and capture-phase listeners that swallow clicks on the record so
 * picking a field never makes the clinical system act on the click.
 * Injected on demand as /picker.js, so none of this is in the content script.
 */
import { render } from 'preact';
import { buildAdapter } from '../../adapters/build-adapter';
import { explainAdapter, type ExplainRow } from '../../adapters/extract';
import type { SiteAdapter } from '../../adapters/schema';
import { domSelectorValidator } from '../../adapters/schema';
import type { Result } from '../../lib/result';
import { pickFor, picksFrom } from './pick-rules';
import { initialPickerState, pickerReducer, type PickerAction, type PickerState } from './picker-state';
import { PickerPanel } from './PickerPanel';
import { PICK_STEPS } from './steps';
import { pickerCss } from './styles';

export const PICKER_TAG = 'links-sidebar-picker';
/** Our own elements: never pickable. */
const OURS = `${PICKER_TAG}, links-sidebar`;
const SWALLOWED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'contextmenu'] as const;

export interface PickerOptions {
  url: string;
  title: string;
  /** Stores the adapter (the background does; tests pass a stub). */
  save: (adapter: SiteAdapter) => Promise<Result<{ saved: true; id: string }>>;
  onClose?: () => void;
}

export interface PickerHandle {
  stop: () => void;
  /** For tests: the current state. */
  state: () => PickerState;
}

/** Start picking on `doc`. Null when a picker is already open there (the script was injected twice). */
export function startPicker(doc: Document, options: PickerOptions): PickerHandle | null {
  if (doc.querySelector(PICKER_TAG)) return null;
  const win = doc.defaultView;
  const host = doc.createElement(PICKER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = pickerCss;
  const box = doc.createElement('div');
  box.className = 'box';
  box.hidden = true;
  const container = doc.createElement('div');
  shadow.append(style, box, container);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  doc.documentElement.append(host);

  let state = initialPickerState;
  let top = false;
  let hovered: Element | null = null;

  const readBack = (): { adapter?: SiteAdapter; rows: ExplainRow[]; errors: string[] } => {
    if (state.phase === 'picking') return { rows: [], errors: [] };
    const avoid: string[] = [];
    for (const pick of Object.values(state.picks)) if (pick?.kind === 'field') avoid.push(pick.preview);
    const built = buildAdapter(picksFrom(state.picks), { url: options.url, title: options.title, avoid }, domSelectorValidator(doc));
    return built.ok ? { adapter: built.adapter, rows: explainAdapter(doc, options.url, built.adapter), errors: [] } : { rows: [], errors: built.errors };
  };

  const draw = (): void => {
    if (!host.isConnected) doc.documentElement.append(host);
    const read = readBack();
    render(
      <PickerPanel
        state={state}
        rows={read.rows}
        buildErrors={read.errors}
        top={top}
        onSkip={() => dispatch({ type: 'skip' })}
        onBack={() => dispatch({ type: 'back' })}
        onSave={() => void save(read.adapter)}
        onClose={stop}
        onMove={() => {
          top = !top;
          draw();
        }}
      />,
      container,
    );
  };

  const dispatch = (action: PickerAction): void => {
    state = pickerReducer(state, action);
    if (state.phase !== 'picking') outline(null);
    draw();
  };

  const save = async (adapter: SiteAdapter | undefined): Promise<void> => {
    if (!adapter) return;
    dispatch({ type: 'saving' });
    const result = await options.save(adapter).catch((error: unknown) => ({
      ok: false as const,
      error: { message: error instanceof Error ? error.message : String(error) },
    }));
    dispatch(result.ok ? { type: 'saved', id: result.value.id } : { type: 'failed', message: `The adapter was not saved: ${result.error.message}` });
  };

  const outline = (el: Element | null): void => {
    hovered = el;
    if (!el) {
      box.hidden = true;
      return;
    }
    const r = el.getBoundingClientRect();
    box.hidden = false;
    box.style.left = `${r.left}px`;
    box.style.top = `${r.top}px`;
    box.style.width = `${r.width}px`;
    box.style.height = `${r.height}px`;
  };

  /** The page element an event is about, or null when it is ours (the panel, the sidebar). */
  const pageTarget = (event: Event): Element | null => {
    const target = event.target;
    if (!target || !(target instanceof (win?.Element ?? Element)) || event.composedPath().includes(host)) return null;
    const el = target as Element;
    if (el.getRootNode() !== doc) return null;
    return el.closest(OURS) || el === doc.documentElement || el === doc.body ? null : el;
  };

  const onMove = (event: Event): void => {
    if (state.phase !== 'picking') return;
    const el = pageTarget(event);
    if (el !== hovered) outline(el);
  };
  const onSwallow = (event: Event): void => {
    if (state.phase !== 'picking' || !pageTarget(event)) return;
    event.preventDefault();
    event.stopPropagation();
    event.stopImmediatePropagation();
  };
  const onClick = (event: Event): void => {
    const el = pageTarget(event);
    if (state.phase !== 'picking' || !el) return;
    onSwallow(event);
    const step = PICK_STEPS[state.step];
    if (!step) return;
    const outcome = pickFor(step.key, el);
    dispatch(outcome.ok ? { type: 'picked', pick: outcome.pick } : { type: 'refused', problem: outcome.problem });
  };
  const onKey = (event: Event): void => {
    if ((event as KeyboardEvent).key === 'Escape') {
      event.preventDefault();
      stop();
    }
  };
  const onScroll = (): void => outline(hovered);

  doc.addEventListener('mousemove', onMove, true);
  doc.addEventListener('click', onClick, true);
  for (const type of SWALLOWED) if (type !== 'click') doc.addEventListener(type, onSwallow, true);
  doc.addEventListener('keydown', onKey, true);
  win?.addEventListener('scroll', onScroll, true);

  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    doc.removeEventListener('mousemove', onMove, true);
    doc.removeEventListener('click', onClick, true);
    for (const type of SWALLOWED) if (type !== 'click') doc.removeEventListener(type, onSwallow, true);
    doc.removeEventListener('keydown', onKey, true);
    win?.removeEventListener('scroll', onScroll, true);
    render(null, container);
    host.remove();
    options.onClose?.();
  }

  draw();
  return { stop, state: () => state };
}
