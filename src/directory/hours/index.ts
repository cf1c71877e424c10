/** Opening hours read offline: stored rules, today's line, the "open today" test, rules in words. */
export { scheduleRule, scheduleRules, minutesOf, clock, type OpeningRule } from './rules';
export { openingStatus, isOpenToday, PRACTICE_TIME_ZONE, type OpeningStatus } from './opening-status';
export { describeHours, dayRanges } from './describe';
export { localNow, dayFromNumber, type LocalDay, type LocalNow } from './local-day';
export { occursOn } from './occurs';
