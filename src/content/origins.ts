/**
 * Where the content script may act (issue #11): the clinical-record origins
 * the practice configured, port included (match patterns cannot carry a port,
 * so the registered script may be injected on other ports of the same host and
 * must stay silent there). Demo builds (`wxt build --mode demo`, used by
 * `npm start` and the end-to-end tests) add the demo practice's own origin.
 */

/** The demo practice's origins in a demo build; none in a release build. */
export const DEMO_ORIGINS: readonly string[] =
  import.meta.env.MODE === 'demo' ? [`http://127.0.0.1:${DEMO_PORT}`, `http://localhost:${DEMO_PORT}`] : [];

export function isAllowedOrigin(origin: string, configured: readonly string[], demo: readonly string[] = DEMO_ORIGINS): boolean {
  return configured.includes(origin) || demo.includes(origin);
}
