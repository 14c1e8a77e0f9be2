import { createPath, matchRoutes, parsePath, type RouteObject, type To, UNSAFE_DataRouterContext } from 'react-router';
import type { ContextType } from 'react';
import { readSplit, SIDE_PARAM, withoutSplit, writeSplit } from '../../model/splitView';
import { advanceTrail, hasTrailState, readTrail, withTrailState } from '../../model/trail';

export type DataRouter = NonNullable<ContextType<typeof UNSAFE_DataRouterContext>>['router'];
type NavigateOptions = Parameters<DataRouter['navigate']>[1];

/** Whether a pathname is one of the app's views (a route other than the catch-all "not found"). */
export function appPathMatcher(routes: readonly RouteObject[]): (pathname: string) => boolean {
  return (pathname) => {
    const matches = matchRoutes(routes as RouteObject[], pathname);
    const leaf = matches?.[matches.length - 1]?.route;
    return leaf !== undefined && leaf.path !== '*';
  };
}

export function currentHref(router: DataRouter): string {
  return createPath(router.state.location);
}

/**
 * Navigates the main view to `href` and writes the history entry's trail: the current trail advanced
 * to the new view, unless `state` already names one (a breadcrumb, Back, Forward).
 */
export function navigateMain(
  router: DataRouter,
  isAppPath: (pathname: string) => boolean,
  href: string,
  options: NavigateOptions = {},
): Promise<void> {
  const current = router.state.location;
  let state: unknown = options?.state;
  if (!hasTrailState(state)) {
    const { trail } = readTrail(current.state, withoutSplit(createPath(current)), isAppPath);
    state = withTrailState(state, advanceTrail(trail, withoutSplit(href), options?.replace === true));
  }
  return router.navigate(href, { ...options, state });
}

/** An absolute href for a navigation target, or undefined for a route-relative one (left to the router). */
function absoluteTarget(to: To, currentPathname: string): string | undefined {
  const path = typeof to === 'string' ? parsePath(to) : to;
  if (path.pathname !== undefined && path.pathname !== '' && !path.pathname.startsWith('/')) return undefined;
  return createPath({ pathname: path.pathname || currentPathname, search: path.search ?? '', hash: path.hash ?? '' });
}

/**
 * The router the main view's links and pages navigate with: the app's router, whose `navigate` keeps
 * the split view open (a link in the main pane changes the main view, not the side one, and a page
 * rewriting its whole query keeps `side` and `lock`) and writes the trail. Everything else is the
 * app's router itself (the object's prototype), so data-router hooks keep working.
 */
export function carryingRouter(router: DataRouter, isAppPath: (pathname: string) => boolean): DataRouter {
  function navigate(to: To | number | null, options?: NavigateOptions): Promise<void> {
    if (typeof to === 'number') return router.navigate(to);
    if (to === null) return router.navigate(to, options);
    const current = router.state.location;
    const target = absoluteTarget(to, current.pathname);
    if (target === undefined) return router.navigate(to, options);
    const { split } = readSplit(current.search, isAppPath);
    const keepsSplit = split !== undefined && !new URLSearchParams(parsePath(target).search ?? '').has(SIDE_PARAM);
    return navigateMain(router, isAppPath, keepsSplit ? writeSplit(target, split) : target, options);
  }
  return Object.create(router, { navigate: { value: navigate } }) as DataRouter;
}
