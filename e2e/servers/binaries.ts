import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Debian binaries the real-server tests drive. */
export type ServerBinary = 'prometheus' | 'promtool' | 'prometheus-alertmanager';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function findOnPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Returns absolute paths of the requested binaries. When one is missing it runs
 * `scripts/ensure-packages.sh` (idempotent apt install) once, and fails with a clear message if the
 * binary is still missing: real-server tests never skip silently.
 */
export function ensureBinaries<N extends ServerBinary>(names: readonly N[]): Record<N, string> {
  const lookup = () => names.map((n) => [n, findOnPath(n)] as const);
  let found = lookup();
  if (found.some(([, path]) => path === undefined)) {
    const missing = found.filter(([, p]) => p === undefined).map(([n]) => n);
    try {
      execFileSync('bash', [join(repoRoot, 'scripts/ensure-packages.sh')], { stdio: 'inherit', cwd: repoRoot });
    } catch (error) {
      throw new Error(`missing ${missing.join(', ')} and scripts/ensure-packages.sh failed: ${(error as Error).message}`);
    }
    found = lookup();
  }
  const stillMissing = found.filter(([, p]) => p === undefined).map(([n]) => n);
  if (stillMissing.length > 0) {
    throw new Error(`required binaries not found after scripts/ensure-packages.sh: ${stillMissing.join(', ')}`);
  }
  return Object.fromEntries(found) as Record<N, string>;
}
