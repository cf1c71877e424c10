import type { SiteAdapter } from '../schema';
import careview from './careview.json';
import medora from './medora.json';

/**
 * Adapters shipped with the extension, for the two demo clinical systems.
 * They are plain JSON so they read exactly like a practice-written adapter;
 * test/adapters/builtin.test.ts runs each through parseAdapter.
 */
export const BUILTIN_ADAPTERS: SiteAdapter[] = [careview, medora];
