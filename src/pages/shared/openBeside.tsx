import { createContext, useContext } from 'react';

/**
 * Opening a view beside the current one (the split view). The app's frame provides it
 * (`src/app/split/`); pages only ask for it, so a page rendered without the frame (a unit test) simply
 * has no "Open beside" button. Shift+click on any in-app link does the same, caught once by the frame.
 */
export interface OpenBesideApi {
  /** Opens `href` (an in-app path + query) in the side pane; refused hrefs say why on screen. */
  openBeside: (href: string) => void;
}

export const OpenBesideContext = createContext<OpenBesideApi | null>(null);

/** The split view's opener, or null outside the app frame. Exemplar clicks use it on Shift+click. */
export function useOpenBeside(): OpenBesideApi['openBeside'] | null {
  return useContext(OpenBesideContext)?.openBeside ?? null;
}

/** A small button that opens `href` in the side pane, to place next to a cross link. */
export function OpenBeside({ href, className }: { href: string; className?: string }) {
  const openBeside = useOpenBeside();
  if (!openBeside) return null;
  return (
    <button
      type="button"
      className={className ? `open-beside ${className}` : 'open-beside'}
      aria-label="Open beside"
      title="Open beside (Shift+click a link does the same)"
      onClick={() => openBeside(href)}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8 2.5v11" stroke="currentColor" strokeWidth="1.4" />
      </svg>
    </button>
  );
}
