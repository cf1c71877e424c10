/**
 * The attribution the Open Government Licence asks for, shown where the list of given names (data/given-names.json,
 * src/context/given-names.ts) has been used: under what standalone mode read, when names were taken out of the notes.
 * Its own module so the page shows it without loading the list twice.
 */
export const GIVEN_NAMES_ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0. Source: National Records of Scotland, Babies' First Names; Office for National Statistics, Baby Names in England and Wales.";
