import { usePreferencesStore } from '../../state/preferences';

/**
 * The viewer's exemplar preferences, for every chart of the page: markers on or off, and every exemplar
 * instead of the slowest and the slowest error per time bucket. Kept in preferences (localStorage),
 * since they belong to the screen rather than to a link.
 */
export function ExemplarToggles() {
  const show = usePreferencesStore((s) => s.showExemplars);
  const setShow = usePreferencesStore((s) => s.setShowExemplars);
  const all = usePreferencesStore((s) => s.showAllExemplars);
  const setAll = usePreferencesStore((s) => s.setShowAllExemplars);
  return (
    <>
      <label className="toggle">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Exemplars
      </label>
      <label className="toggle" title="Every exemplar, instead of the slowest and the slowest error per time bucket">
        <input type="checkbox" checked={all} disabled={!show} onChange={(e) => setAll(e.target.checked)} /> Show all exemplars
      </label>
    </>
  );
}
