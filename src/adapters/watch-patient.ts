/**
 * watchPatient with the generic detector bundled: what tests, tools and the
 * core use. The content script uses watchPatientWith and loads the generic
 * detector only where no adapter covers the page (src/content/start.ts).
 */
import { GENERIC_READER } from './generic/reader';
import { watchPatientWith, type WatchOptions } from './watch';

export function watchPatient(doc: Document, opts: WatchOptions): void {
  watchPatientWith(doc, { ...opts, generic: () => GENERIC_READER });
}
