/**
 * The picker's state as a pure reducer, so the whole flow (pick, refuse, skip,
 * back, review, save) can be tested without a page.
 */
import type { StepPick } from './pick-rules';
import { PICK_STEPS, type StepKey } from './steps';

export type PickerPhase = 'picking' | 'review' | 'saving' | 'saved';

export interface PickerState {
  /** Index into PICK_STEPS while picking. */
  step: number;
  phase: PickerPhase;
  picks: Partial<Record<StepKey, StepPick>>;
  /** Why the last click was refused, or why saving failed. */
  message?: string;
  savedId?: string;
}

export type PickerAction =
  | { type: 'picked'; pick: StepPick }
  | { type: 'refused'; problem: string }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'saving' }
  | { type: 'saved'; id: string }
  | { type: 'failed'; message: string };

export const initialPickerState: PickerState = { step: 0, phase: 'picking', picks: {} };

/** The step being asked for, or undefined once picking is over. */
export function currentStep(state: PickerState) {
  return state.phase === 'picking' ? PICK_STEPS[state.step] : undefined;
}

function advance(state: PickerState, picks: PickerState['picks']): PickerState {
  const step = state.step + 1;
  return step >= PICK_STEPS.length ? { step: PICK_STEPS.length - 1, phase: 'review', picks } : { step, phase: 'picking', picks };
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  const step = PICK_STEPS[state.step];
  switch (action.type) {
    case 'picked':
      if (state.phase !== 'picking' || !step) return state;
      return advance(state, { ...state.picks, [step.key]: action.pick });
    case 'refused':
      return state.phase === 'picking' ? { ...state, message: action.problem } : state;
    case 'skip': {
      if (state.phase !== 'picking' || !step) return state;
      const picks = { ...state.picks };
      delete picks[step.key];
      return advance(state, picks);
    }
    case 'back':
      if (state.phase === 'review') return { step: PICK_STEPS.length - 1, phase: 'picking', picks: state.picks };
      if (state.phase !== 'picking') return state;
      return { step: Math.max(0, state.step - 1), phase: 'picking', picks: state.picks };
    case 'saving':
      return state.phase === 'review' ? { ...state, phase: 'saving', message: undefined } : state;
    case 'saved':
      return { ...state, phase: 'saved', savedId: action.id, message: undefined };
    case 'failed':
      return { ...state, phase: 'review', message: action.message };
  }
}
