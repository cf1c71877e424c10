/**
 * The attribution the Open Government Licence asks for, to show wherever the
 * SIMD decile is used. Its own module so a page showing it does not load the
 * decile table (src/prompts/simd.ts) with it.
 */
export const SIMD_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0. Source: Scottish Government, Scottish Index of Multiple Deprivation 2020v2.';
