import { useTimeScope } from '../state/timeScopeContext';
import { isRefreshOption, REFRESH_OPTIONS } from '../state/timeUrl';

/** Refresh now, and the auto-refresh interval of the nearest time scope (the URL's `refresh=` in the main one). */
export function RefreshPicker() {
  const { refresh, setRefresh, refreshNow } = useTimeScope();
  return (
    <div className="refresh-picker">
      <button type="button" className="tool-button" onClick={refreshNow} title="Refresh now" aria-label="Refresh now">
        ↻
      </button>
      <select
        aria-label="Auto-refresh interval"
        value={refresh}
        onChange={(e) => {
          if (isRefreshOption(e.target.value)) setRefresh(e.target.value);
        }}
      >
        {REFRESH_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {r === 'off' ? 'Auto-refresh off' : `Every ${r}`}
          </option>
        ))}
      </select>
    </div>
  );
}
