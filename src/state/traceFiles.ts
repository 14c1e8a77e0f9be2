import { create } from 'zustand';
import type { Trace } from '../model/trace';
import type { TraceTree } from '../model/traceTree';

/**
 * Trace files opened in this tab, by key (the file's name). Client state only, in memory: a File cannot be
 * put in the URL or in storage, so after a reload the page says the file is no longer loaded. At most
 * `KEEP` files are held; opening another lets the oldest go (a 100,000-span trace is ~100 MB of heap).
 */
export type TraceFilePhase = 'reading' | 'json' | 'convert' | 'tree';

export type OpenedTraceFile =
  | { key: string; name: string; size: number; status: 'opening'; phase: TraceFilePhase; loaded: number; cancel: () => void }
  | { key: string; name: string; size: number; status: 'loaded'; format: string; traces: readonly Trace[]; trees: readonly TraceTree[] }
  | { key: string; name: string; size: number; status: 'failed'; message: string }
  | { key: string; name: string; size: number; status: 'cancelled' };

interface TraceFilesState {
  files: ReadonlyMap<string, OpenedTraceFile>;
  /** Sets a file's entry (a new one becomes the newest); an entry replaced while opening is cancelled. */
  put: (file: OpenedTraceFile) => void;
  /** Changes the entry only if it is still the one `expect` names (a newer open of the same name wins). */
  update: (key: string, expect: OpenedTraceFile, next: OpenedTraceFile) => void;
}

export const KEEP = 3;

export const useTraceFilesStore = create<TraceFilesState>()((set, get) => ({
  files: new Map(),
  put: (file) => {
    const previous = get().files.get(file.key);
    if (previous?.status === 'opening' && previous !== file) previous.cancel();
    const files = new Map(get().files);
    files.delete(file.key);
    files.set(file.key, file);
    for (const [key, old] of files) {
      if (files.size <= KEEP) break;
      if (old.status === 'opening') old.cancel();
      files.delete(key);
    }
    set({ files });
  },
  update: (key, expect, next) => {
    if (get().files.get(key) !== expect) return;
    const files = new Map(get().files);
    files.set(key, next);
    set({ files });
  },
}));

export const useTraceFile = (key: string): OpenedTraceFile | undefined => useTraceFilesStore((s) => s.files.get(key));
