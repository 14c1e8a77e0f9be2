import { createContext, useContext } from 'react';
import type { RouteObject } from 'react-router';
import type { SplitState } from '../../model/splitView';
import type { Trail } from '../../model/trail';

/** What the frame knows of the split view and the investigation path, and what it can do with them. */
export interface SplitController {
  /** The open side pane, if any. */
  split?: SplitState;
  /** The href the side pane shows (its own, with the main range while locked). */
  sideView?: string;
  trail: Trail;
  /** Messages about URL or history state that was dropped, shown until dismissed. */
  notices: readonly string[];
  dismissNotices: () => void;
  /** The router's route table: the side pane renders the same one. */
  routes: readonly RouteObject[];
  isAppPath: (pathname: string) => boolean;
  openBeside: (href: string) => void;
  /** The side pane navigates (its links, its pickers). */
  navigateSide: (href: string, replace: boolean) => void;
  setLock: (lock: boolean) => void;
  swap: () => void;
  promote: () => void;
  close: () => void;
  go: (delta: number) => void;
}

export const SplitControllerContext = createContext<SplitController | null>(null);

export function useSplitController(): SplitController | null {
  return useContext(SplitControllerContext);
}
