import { useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { createPath, useLocation, UNSAFE_DataRouterContext } from 'react-router';
import {
  checkViewHref,
  navigateSide,
  promoteSide,
  quoteForMessage,
  readSplit,
  setLock,
  sideViewHref,
  swapPanes,
  withoutSplit,
  writeSplit,
} from '../../model/splitView';
import { readTrail, withTrailState } from '../../model/trail';
import { OpenBesideContext, type OpenBesideApi } from '../../pages/shared/openBeside';
import { appPathMatcher, carryingRouter, currentHref, navigateMain, type DataRouter } from './mainNavigation';
import { SplitControllerContext, type SplitController } from './splitContext';

/**
 * The split view and the investigation path, for everything under it (the Layout). Without a data
 * router above (a unit test's plain router) it renders its children alone.
 */
export function SplitNavigation({ children }: { children: ReactNode }) {
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  if (!dataRouter) return children;
  return <WithRouter dataRouter={dataRouter}>{children}</WithRouter>;
}

type DataRouterContextValue = NonNullable<React.ContextType<typeof UNSAFE_DataRouterContext>>;

/** Whether a click is a plain Shift+click of the primary button (Ctrl/Cmd/Alt clicks keep their meaning). */
function isShiftClick(e: MouseEvent): boolean {
  return e.shiftKey && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.altKey && !e.defaultPrevented;
}

/** The in-app href of the link a click landed on, or undefined (no link, another site, a download, a new window). */
function clickedAppHref(e: MouseEvent, isAppPath: (pathname: string) => boolean): string | undefined {
  const target = e.target instanceof Element ? e.target : null;
  const anchor = target?.closest('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return undefined;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return undefined;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return undefined;
  const check = checkViewHref(`${url.pathname}${url.search}${url.hash}`, isAppPath);
  return check.ok ? check.href : undefined;
}

function WithRouter({ dataRouter, children }: { dataRouter: DataRouterContextValue; children: ReactNode }) {
  const router: DataRouter = dataRouter.router;
  const routes = router.routes;
  const isAppPath = useMemo(() => appPathMatcher(routes), [routes]);
  const carrying = useMemo(() => carryingRouter(router, isAppPath), [router, isAppPath]);
  const carryingContext = useMemo(() => ({ ...dataRouter, router: carrying }), [dataRouter, carrying]);

  const location = useLocation();
  const mainHref = createPath(location);
  const splitRead = useMemo(() => readSplit(location.search, isAppPath), [location.search, isAppPath]);
  const trailRead = useMemo(() => readTrail(location.state, withoutSplit(mainHref), isAppPath), [location.state, mainHref, isAppPath]);
  const { split } = splitRead;

  // Messages stay after the URL is cleaned, until dismissed: held per location key they were found at
  // (set while rendering, React's pattern for state derived from a change, not in an effect).
  const [notices, setNotices] = useState<{ key: string; texts: string[] }>({ key: '', texts: [] });
  const found = [splitRead.problem, trailRead.problem].filter((p): p is string => p !== undefined);
  if (found.length > 0 && notices.key !== location.key) setNotices({ key: location.key, texts: found });
  const addNotice = useCallback((text: string) => setNotices((n) => ({ key: n.key, texts: [...n.texts, text] })), []);
  const dismissNotices = useCallback(() => setNotices((n) => ({ key: n.key, texts: [] })), []);

  // Tampered state is replaced by the clean view (never an error page, never another site).
  const hasProblem = found.length > 0;
  useEffect(() => {
    if (!hasProblem) return;
    const clean = writeSplit(mainHref, split);
    void router.navigate(clean, { replace: true, state: withTrailState(location.state, trailRead.trail) });
  }, [hasProblem, mainHref, split, router, location.state, trailRead.trail]);

  const controller = useMemo<SplitController>(() => {
    const now = () => {
      const href = currentHref(router);
      return { href, split: readSplit(router.state.location.search, isAppPath).split };
    };
    const go = (href: string, replace = false) => void navigateMain(router, isAppPath, href, { replace });
    const openBeside = (href: string) => {
      const check = checkViewHref(href, isAppPath);
      if (!check.ok) return addNotice(`Cannot open ${quoteForMessage(href)} beside: it ${check.reason}.`);
      const cur = now();
      go(cur.split ? navigateSide(cur.href, cur.split, check.href) : writeSplit(cur.href, { side: check.href, lock: false }));
    };
    return {
      split,
      sideView: split ? sideViewHref(mainHref, split) : undefined,
      trail: trailRead.trail,
      notices: notices.texts,
      dismissNotices,
      routes,
      isAppPath,
      openBeside,
      navigateSide: (href, replace) => {
        const check = checkViewHref(href, isAppPath);
        if (!check.ok) return addNotice(`The side pane did not open ${quoteForMessage(href)}: it ${check.reason}.`);
        const cur = now();
        if (cur.split) go(navigateSide(cur.href, cur.split, check.href), replace);
      },
      setLock: (lock) => {
        const cur = now();
        if (cur.split) go(setLock(cur.href, cur.split, lock), true);
      },
      swap: () => {
        const cur = now();
        if (cur.split) go(swapPanes(cur.href, cur.split));
      },
      promote: () => {
        const cur = now();
        if (cur.split) go(promoteSide(cur.href, cur.split));
      },
      close: () => go(writeSplit(now().href, undefined)),
      go: (delta) => void router.navigate(delta),
    };
  }, [router, isAppPath, routes, split, mainHref, trailRead.trail, notices.texts, dismissNotices, addNotice]);

  const openBesideApi = useMemo<OpenBesideApi>(() => ({ openBeside: controller.openBeside }), [controller.openBeside]);

  const onClickCapture = (e: MouseEvent) => {
    if (!isShiftClick(e)) return;
    const href = clickedAppHref(e, isAppPath);
    if (href === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    controller.openBeside(href);
  };

  return (
    <UNSAFE_DataRouterContext.Provider value={carryingContext}>
      <SplitControllerContext.Provider value={controller}>
        <OpenBesideContext.Provider value={openBesideApi}>
          {/* display: contents, so the frame's layout is untouched; it only catches Shift+clicks once for every link */}
          <div className="split-root" onClickCapture={onClickCapture}>
            {children}
          </div>
        </OpenBesideContext.Provider>
      </SplitControllerContext.Provider>
    </UNSAFE_DataRouterContext.Provider>
  );
}
