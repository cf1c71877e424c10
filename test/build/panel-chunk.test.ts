import { describe, expect, it } from 'vitest';
import { staticClosureChunk } from '../../scripts/lib/panel-chunk';

/** A module graph as Rollup describes it: id -> static imports, and which ids are entries. */
function graph(imports: Record<string, string[]>, entries: string[]) {
  return {
    getModuleIds: () => Object.keys(imports)[Symbol.iterator](),
    getModuleInfo: (id: string) => (id in imports ? { importedIds: imports[id] as string[], isEntry: entries.includes(id) } : null),
  };
}

const pages = graph(
  {
    '/x/entrypoints/sidepanel/index.html': ['\0virtual:plugins', '/x/entrypoints/sidepanel/main.tsx'],
    '/x/entrypoints/sidepanel/main.tsx': ['/x/src/ui/panel/start.tsx'],
    '/x/src/ui/panel/start.tsx': ['/x/src/ui/panel/PanelApp.tsx', '/x/node_modules/preact/dist/preact.mjs'],
    '/x/src/ui/panel/PanelApp.tsx': ['/x/src/ui/panel/start.tsx', '/x/src/messaging/client.ts'],
    '/x/src/messaging/client.ts': [],
    '/x/node_modules/preact/dist/preact.mjs': [],
    '\0virtual:plugins': [],
    '/x/entrypoints/popup/index.html': ['\0virtual:plugins', '/x/entrypoints/popup/main.tsx'],
    '/x/entrypoints/popup/main.tsx': ['/x/src/messaging/client.ts', '/x/src/ui/popup/Popup.tsx'],
    '/x/src/ui/popup/Popup.tsx': [],
    // Loaded on demand by the panel: not a static import, so never listed in importedIds.
    '/x/src/ui/referral/ReferralForm.tsx': ['/x/src/messaging/client.ts'],
  },
  ['/x/entrypoints/sidepanel/index.html', '/x/entrypoints/popup/index.html'],
);

describe('staticClosureChunk', () => {
  const chunk = staticClosureChunk(/\/entrypoints\/sidepanel\/index\.html$/, 'panel', /\/entrypoints\//);
  it.each([
    ['the panel page\'s own code', '/x/src/ui/panel/PanelApp.tsx', 'panel'],
    ['a library it imports', '/x/node_modules/preact/dist/preact.mjs', 'panel'],
    ['code it shares with the popup', '/x/src/messaging/client.ts', 'panel'],
    ['a module behind an import cycle', '/x/src/ui/panel/start.tsx', 'panel'],
    ['the page plugins every page loads', '\0virtual:plugins', 'panel'],
    ['its start-up module (another page must not run it)', '/x/entrypoints/sidepanel/main.tsx', undefined],
    ['its entry', '/x/entrypoints/sidepanel/index.html', undefined],
    ['the popup\'s own component', '/x/src/ui/popup/Popup.tsx', undefined],
    ['a module it loads on demand', '/x/src/ui/referral/ReferralForm.tsx', undefined],
  ])('%s: %s -> %s', (_what, id, expected) => {
    expect(chunk(id, pages)).toBe(expected);
  });

  it('puts nothing in the chunk when the entry is not in this build', () => {
    const none = staticClosureChunk(/\/entrypoints\/sidepanel\/index\.html$/, 'panel', /\/entrypoints\//);
    const other = graph({ '/x/entrypoints/popup/index.html': ['/x/src/a.ts'], '/x/src/a.ts': [] }, ['/x/entrypoints/popup/index.html']);
    expect(none('/x/src/a.ts', other)).toBeUndefined();
  });
});
