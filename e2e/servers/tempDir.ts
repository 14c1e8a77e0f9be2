import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onEmergencyExit } from './emergencyCleanup';

/** A fresh directory under the OS temp dir; `remove` is idempotent and never throws. */
export interface TempDir {
  path: string;
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `watchfloor-${prefix}-`));
  const remove = () => rmSync(path, { recursive: true, force: true });
  // A test run that dies without teardown still leaves no temp dirs (TSDBs can be tens of MB).
  const unregister = onEmergencyExit(remove);
  return {
    path,
    remove: () => {
      remove();
      unregister();
    },
  };
}
