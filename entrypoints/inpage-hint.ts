import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { hintInpage } from '../src/content/mode-hint';

/** Registered before ehr.js while the practice uses the in-page panel: see src/content/mode-hint.ts. */
export default defineUnlistedScript(hintInpage);
