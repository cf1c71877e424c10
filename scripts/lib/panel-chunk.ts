/**
 * Build-time chunking for the extension pages (used by wxt.config.ts).
 *
 * Vite splits the pages' shared code into many small chunks. An extension page
 * loads each from the extension's files through the browser process, and on
 * the 2-core machines practices have those loads queue behind one another: a
 * Chromium trace of the sidebar page opening (#17) showed its nine chunks
 * arriving over about 35 ms, before any of its code ran, which is most of why the
 * side panel took ~120 ms to be searchable and the in-page panel ~130 ms after
 * the record loaded. So every module the sidebar page imports statically goes
 * into one chunk, `panel`; what it loads on demand (the referral form, the
 * standalone reader, the prompt engine) stays split. The popup and options
 * pages load that chunk too, for the code they share with it.
 */
interface ChunkMeta {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { importedIds: readonly string[]; isEntry: boolean } | null;
}

/**
 * A Rollup `manualChunks` function putting what the entry matching `entry` imports statically into one chunk named
 * `name`. Pages' own modules (`own`: their entries and start-up code) stay out of it: another page loading the
 * chunk must not run this page's start-up.
 */
export function staticClosureChunk(entry: RegExp, name: string, own: RegExp): (id: string, meta: ChunkMeta) => string | undefined {
  let closure: Set<string> | undefined;
  return (id, meta) => {
    if (!closure) {
      closure = new Set();
      const seen = new Set<string>();
      const start = [...meta.getModuleIds()].find((m) => entry.test(m));
      const stack = start ? [...(meta.getModuleInfo(start)?.importedIds ?? [])] : [];
      while (stack.length > 0) {
        const m = stack.pop() as string;
        const info = meta.getModuleInfo(m);
        if (seen.has(m) || !info) continue;
        seen.add(m);
        if (!info.isEntry && !own.test(m)) closure.add(m);
        // Static imports only: a dynamic import is the page's choice to load later.
        stack.push(...info.importedIds);
      }
    }
    return closure.has(id) ? name : undefined;
  };
}
