import type { KeyboardEvent, PointerEvent } from 'react';

export const MIN_SHARE = 0.2;
export const MAX_SHARE = 0.8;
const KEY_STEP = 0.05;

export const clampShare = (share: number) => Math.min(MAX_SHARE, Math.max(MIN_SHARE, share));

/**
 * The bar between the two panes: drag it, or focus it and press ←/→ (Home resets to half and half).
 * `share` is the main pane's part of the width; a layout preference, kept in memory, not in the URL.
 */
export function PaneDivider({ share, onShare }: { share: number; onShare: (share: number) => void }) {
  const follow = (e: PointerEvent<HTMLDivElement>) => {
    const area = e.currentTarget.parentElement?.getBoundingClientRect();
    if (area && area.width > 0) onShare(clampShare((e.clientX - area.left) / area.width));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft') onShare(clampShare(share - KEY_STEP));
    else if (e.key === 'ArrowRight') onShare(clampShare(share + KEY_STEP));
    else if (e.key === 'Home') onShare(0.5);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="pane-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize panes"
      aria-valuemin={MIN_SHARE * 100}
      aria-valuemax={MAX_SHARE * 100}
      aria-valuenow={Math.round(share * 100)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) follow(e);
      }}
    />
  );
}
