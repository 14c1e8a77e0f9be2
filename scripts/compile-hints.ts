import type { Plugin } from 'vite';

/** V8's per-file explicit compile hint (Chromium 136+; other engines ignore a comment). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The views that draw everything they hold as soon as their data is in: the trace view (waterfall, minimap,
 * header) with the trace model it builds, and the log explorer. Their chunks load when the route opens, before
 * the data arrives, so compiling them then costs the user nothing; compiled lazily, on first call, their
 * functions were most of the 38 ms of main-thread compile inside trace.10k.first_rows_ms. The first
 * route's chunk is not hinted: compiling all 420 kB of it up front would hold back the first script.
 */
const HINTED_MODULES = /[\\/]src[\\/](?:pages[\\/](?:traces|logs)[\\/]|model[\\/](?:trace|log))/;

/**
 * Whether a chunk gets the hint: it holds one of the views' modules, and it is not an entry (the app's first
 * route script) unless `entries` says so (a bench page's entry is the view itself, which the app loads as a chunk).
 */
export function wantsCompileHint(chunk: { isEntry: boolean; moduleIds: readonly string[] }, entries = false): boolean {
  return (entries || !chunk.isEntry) && chunk.moduleIds.some((id) => HINTED_MODULES.test(id));
}

/** A chunk's code and source map with the hint as a new first line (the map's lines move down by one). */
export function withCompileHint(code: string, mappings: string | undefined): { code: string; mappings: string | undefined } {
  return { code: `${COMPILE_HINT}\n${code}`, mappings: mappings === undefined ? undefined : `;${mappings}` };
}

/**
 * Puts V8's compile hint at the top of the chunks `wantsCompileHint` picks, so Chromium compiles all of their
 * functions while it streams the script (off the main thread) instead of on each function's first call.
 * Added once the bundle is final: the minifier drops comments, and this one must come before the code.
 */
export function compileHints(options: { entries?: boolean } = {}): Plugin {
  return {
    name: 'watchfloor:compile-hints',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !wantsCompileHint(chunk, options.entries)) continue;
        const hinted = withCompileHint(chunk.code, chunk.map?.mappings);
        chunk.code = hinted.code;
        if (chunk.map && hinted.mappings !== undefined) chunk.map.mappings = hinted.mappings;
        const mapFile = bundle[`${chunk.fileName}.map`];
        if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
          const map = JSON.parse(mapFile.source) as { mappings: string };
          mapFile.source = JSON.stringify({ ...map, mappings: `;${map.mappings}` });
        }
      }
    },
  };
}
