/**
 * Public surface of the community resource directory (pure parts).
 */
export * from './import/index';
export { mapCategoriesToNeeds, parseNeedMapping, defaultNeedMapping, inferNeedsFromText, normaliseTerm, type NeedMapping } from './need-mapping';
export { expandQuery, parseSynonyms, defaultSynonyms, type Synonyms } from './search/synonyms';
export { buildIndex, WEIGHTS, type DirectoryIndex, type DirectoryQuery, type SearchHit, type BuildOptions } from './search/index';
export { isStale, lastChecked, staleReason, STALE_AFTER_MONTHS } from './freshness';
export { openingStatus, isOpenToday, describeHours, scheduleRule, scheduleRules, PRACTICE_TIME_ZONE, type OpeningRule, type OpeningStatus } from './hours/index';
export { locatePostcode, parsePostcodeTable, parseOutcodeCentroids, normalisePostcode, outcodeOf, distanceKm, type PostcodeTables, type Located, type LatLon } from './geo';
export { shareText, slipModel, oneLine, hoursInWords, languagesInWords, type SlipModel } from './share';
export { qrSvg } from './qr';
export { toPlainText, decodeEntities, safeWebsite, websiteProblem, safeEmail, safePhone } from './clean-text';
