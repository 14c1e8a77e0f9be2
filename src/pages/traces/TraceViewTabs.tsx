import type { TraceViewKind } from '../../model/traceViewParams';

const LABELS: ReadonlyArray<readonly [TraceViewKind, string]> = [
  ['waterfall', 'Waterfall'],
  ['flame', 'Flame graph'],
  ['summary', 'Summary'],
  ['graph', 'Service graph'],
];

/** The views of one trace; the choice is in the URL (`?view=`), so a pasted link opens the same one. */
export function TraceViewTabs({ view, onView }: { view: TraceViewKind; onView: (view: TraceViewKind) => void }) {
  return (
    <div className="trace-tabs" role="tablist" aria-label="Trace views">
      {LABELS.map(([kind, label]) => (
        <button
          key={kind}
          type="button"
          role="tab"
          id={`trace-tab-${kind}`}
          aria-selected={view === kind}
          aria-controls="trace-view-panel"
          className={view === kind ? 'trace-tab active' : 'trace-tab'}
          onClick={() => onView(kind)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
