import { createElement, lazy, type ComponentType, type ReactNode } from 'react';
import { Outlet, type RouteObject } from 'react-router';

// One lazy component per route, made once, so re-rendering the pane never re-creates (and remounts) a page.
const lazyPages = new Map<string, ComponentType>();

function pageElement(route: RouteObject, key: string): ReactNode {
  if (route.element !== undefined && route.element !== null) return route.element;
  if (route.Component) return createElement(route.Component);
  const load = route.lazy;
  if (typeof load !== 'function') return null;
  let Page = lazyPages.get(key);
  if (!Page) {
    Page = lazy(async () => {
      const loaded = await load();
      const Component = loaded.Component ?? (() => loaded.element ?? null);
      return { default: Component };
    });
    lazyPages.set(key, Page);
  }
  return createElement(Page);
}

/**
 * The app's route table as the side pane renders it: the same paths and pages, with layout routes
 * (the top bar's frame) reduced to their outlet, and lazy pages loaded through React.lazy, because
 * the side pane is a plain router (its own location, inside the app's data router) that cannot
 * run the data router's `lazy`. Route errors are caught by the pane's own boundary.
 */
export function sideRoutes(routes: readonly RouteObject[], parentKey = ''): RouteObject[] {
  return routes.map((route, i) => {
    const key = route.id ?? `${parentKey}/${route.path ?? (route.index ? '(index)' : i)}`;
    if (route.index) return { index: true, element: pageElement(route, key) };
    return route.children
      ? { path: route.path, caseSensitive: route.caseSensitive, element: <Outlet />, children: sideRoutes(route.children, key) }
      : { path: route.path, caseSensitive: route.caseSensitive, element: pageElement(route, key) };
  });
}
