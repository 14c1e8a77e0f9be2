import { useTimeRange } from '../state/useTimeRange';
import { isRefreshOption, REFRESH_OPTIONS } from '../state/timeUrl';

/** Refresh now, and the auto-refresh interval (kept in the URL as `refresh=`). */
export function RefreshPicker() {
  const { refresh, setRefresh, refreshNow } = useTimeRange();
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
