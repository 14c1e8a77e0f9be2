import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Makes `npm start` (dev) and `npm run preview` answer 404 for /config.json when there is no such file,
 * instead of Vite's SPA fallback (index.html with a 200). The app treats a 200 HTML page there as a boot
 * error, since in production it means a missing or misnamed file behind `try_files … /index.html`; a 404
 * is what tells it to run the built-in demo, which the quick start (`npm install && npm start`) relies on.
 */
export function configJson404(): Plugin {
  let publicDir = '';
  let outDir = '';
  const answer404When = (missing: () => boolean) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/config.json' || !missing()) return next();
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('config.json not found: Watchfloor runs its built-in demo');
  };
  return {
    name: 'watchfloor:config-json-404',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    // Added here (not in a returned hook) so it runs before Vite's own middlewares and their fallback.
    configureServer(server) {
      server.middlewares.use(answer404When(() => publicDir === '' || !existsSync(join(publicDir, 'config.json'))));
    },
    configurePreviewServer(server) {
      server.middlewares.use(answer404When(() => !existsSync(join(outDir, 'config.json'))));
    },
  };
}
