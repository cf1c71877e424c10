/**
 * The rrule library, whichever way it was loaded. It ships ES modules under
 * "module" (read by bundlers and Vitest) but only a UMD build under "main",
 * which Node (the bench, via tsx) loads as one default export.
 */
import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;
const lib: RRuleModule = 'RRule' in rruleModule && rruleModule.RRule ? rruleModule : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = lib.RRule;
export type { Options as RRuleOptions } from 'rrule';
