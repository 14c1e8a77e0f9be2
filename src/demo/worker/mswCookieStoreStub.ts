/**
 * Stands in for msw's `lib/core/utils/cookieStore.mjs` in the browser build (see the alias in
 * vite.config.ts). The real one wraps tough-cookie and tldts (about 285 kB minified) and, outside
 * node, requires `localStorage`, which a Web Worker does not have, so it would throw as the demo
 * worker starts. The demo's handlers never read or set cookies: the store is always empty.
 *
 * msw calls exactly two methods: `getCookies(url)` when a handler parses a request's cookies
 * (utils/request/getRequestCookies) and `setCookie(header, url)` when a response carries Set-Cookie
 * (utils/request/storeResponseCookies).
 */

/** The parts of a tough-cookie Cookie that msw reads from `getCookies`. */
interface StoredCookie {
  key: string;
  value: string;
  toString(): string;
}

export const cookieStore = {
  getCookies(url: string): StoredCookie[] {
    void url;
    return [];
  },
  async setCookie(cookie: string, url: string): Promise<void> {
    void cookie;
    void url;
  },
};
