/**
 * The split view's URL state: `?side=<path+query of the side pane>&lock=1` on the main view's URL, so a
 * reload, Back/Forward and a pasted link restore both panes. Pure: the router wiring is in
 * `src/app/split/`. Every href that reaches a pane goes through `checkViewHref` first, so a tampered
 * link can only ever open a Watchfloor view on this origin, never another site or a `javascript:` URL.
 */

export const SIDE_PARAM = 'side';
export const LOCK_PARAM = 'lock';
/** Longer than any link the app builds (a LogQL query and its window fit in a few hundred characters). */
export const MAX_VIEW_HREF_LENGTH = 2048;

/** Only ever a base for parsing: a path that resolved off it would have left the app. */
const BASE = 'http://watchfloor.invalid';
const BASE_ORIGIN = new URL(BASE).origin;
const RANGE_KEYS = ['from', 'to'] as const;

export type ViewHrefCheck = { ok: true; href: string } | { ok: false; reason: string };

export interface SplitState {
  /** The side pane's path + query, as stored (without its own range while locked). */
  side: string;
  /** Both panes show one time range: the main view's. */
  lock: boolean;
}

export interface SplitRead {
  split?: SplitState;
  /** What was dropped and why, in words for the user; the caller falls back to a single view. */
  problem?: string;
}

/** The first characters of a hostile value, for a message (rendered as text by React). */
export function quoteForMessage(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${shown}"`;
}

/**
 * Checks that `text` is a view of this app: a path on this origin (not `//host`, not a scheme), with
 * valid percent-encoding, no control characters, not absurdly long, matching an app route
 * (`isAppPath`, the router's own table). Split parameters nested in it are dropped: a side pane has
 * no side pane. Returns the href to use, or why it is not usable.
 */
export function checkViewHref(text: string, isAppPath: (pathname: string) => boolean): ViewHrefCheck {
  if (text.length === 0) return { ok: false, reason: 'is empty' };
  if (text.length > MAX_VIEW_HREF_LENGTH) return { ok: false, reason: `is too long (${text.length} characters, at most ${MAX_VIEW_HREF_LENGTH})` };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(text)) return { ok: false, reason: 'holds control characters or a backslash' };
  if (!text.startsWith('/') || text.startsWith('//')) return { ok: false, reason: 'is not a path in Watchfloor' };
  let url: URL;
  try {
    url = new URL(text, BASE);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.origin !== BASE_ORIGIN) return { ok: false, reason: 'points to another site' };
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, reason: 'has broken percent-encoding' };
  }
  if (!isAppPath(url.pathname)) return { ok: false, reason: 'is not a Watchfloor view' };
  if (url.searchParams.has(SIDE_PARAM) || url.searchParams.has(LOCK_PARAM)) {
    url.searchParams.delete(SIDE_PARAM);
    url.searchParams.delete(LOCK_PARAM);
  }
  return { ok: true, href: `${url.pathname}${url.search}${url.hash}` };
}

/** Reads the split state of a main URL's query. A side value that is not a usable view is a `problem`. */
export function readSplit(search: string, isAppPath: (pathname: string) => boolean): SplitRead {
  const params = new URLSearchParams(search);
  const side = params.get(SIDE_PARAM);
  const lockText = params.get(LOCK_PARAM);
  if (side === null) {
    return lockText === null ? {} : { problem: `Dropped ${LOCK_PARAM}=${quoteForMessage(lockText)}: there is no side pane to lock.` };
  }
  const checked = checkViewHref(side, isAppPath);
  if (!checked.ok) return { problem: `Dropped the side pane: ${quoteForMessage(side)} ${checked.reason}.` };
  if (lockText !== null && lockText !== '1') {
    return { split: { side: checked.href, lock: false }, problem: `Dropped ${LOCK_PARAM}=${quoteForMessage(lockText)}: it is 1 or absent; the time ranges are not locked.` };
  }
  return { split: { side: checked.href, lock: lockText === '1' } };
}

function splitHref(href: string): { path: string; params: URLSearchParams; hash: string } {
  const hashAt = href.indexOf('#');
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const rest = hashAt < 0 ? href : href.slice(0, hashAt);
  const q = rest.indexOf('?');
  return q < 0 ? { path: rest, params: new URLSearchParams(), hash } : { path: rest.slice(0, q), params: new URLSearchParams(rest.slice(q + 1)), hash };
}

function joinHref(path: string, params: URLSearchParams, hash: string): string {
  const text = params.toString();
  return `${path}${text ? `?${text}` : ''}${hash}`;
}

/** `href` with `from`/`to` copied from `source` (or removed where `source` has none). */
export function withRangeOf(href: string, source: string): string {
  const target = splitHref(href);
  const from = splitHref(source).params;
  for (const key of RANGE_KEYS) {
    const value = from.get(key);
    if (value === null) target.params.delete(key);
    else target.params.set(key, value);
  }
  return joinHref(target.path, target.params, target.hash);
}

function withoutRange(href: string): string {
  const { path, params, hash } = splitHref(href);
  for (const key of RANGE_KEYS) params.delete(key);
  return joinHref(path, params, hash);
}

function hasRange(href: string): boolean {
  const { params } = splitHref(href);
  return RANGE_KEYS.some((key) => params.has(key));
}

/** A main href without the split parameters: what a breadcrumb step or a promoted side pane keeps. */
export function withoutSplit(href: string): string {
  const { path, params, hash } = splitHref(href);
  params.delete(SIDE_PARAM);
  params.delete(LOCK_PARAM);
  return joinHref(path, params, hash);
}

/** The main href with `split` written in, or removed when `split` is undefined. Other parameters keep their order. */
export function writeSplit(mainHref: string, split: SplitState | undefined): string {
  const { path, params, hash } = splitHref(mainHref);
  if (!split) {
    params.delete(SIDE_PARAM);
    params.delete(LOCK_PARAM);
  } else {
    params.set(SIDE_PARAM, split.side);
    if (split.lock) params.set(LOCK_PARAM, '1');
    else params.delete(LOCK_PARAM);
  }
  return joinHref(path, params, hash);
}

/** What the side pane shows: its stored href, with the main view's range while locked. */
export function sideViewHref(mainHref: string, split: SplitState): string {
  return split.lock ? withRangeOf(split.side, mainHref) : split.side;
}

/**
 * The main href after the side pane navigates to `sideHref`. Locked, one range is shared and it lives
 * on the main view: a range the side pane's new location carries (a picked range, a link's window)
 * becomes the main view's too, and the side's stored href keeps none.
 */
export function navigateSide(mainHref: string, split: SplitState, sideHref: string): string {
  if (!split.lock) return writeSplit(mainHref, { side: sideHref, lock: false });
  const main = hasRange(sideHref) ? withRangeOf(mainHref, sideHref) : mainHref;
  return writeSplit(main, { side: withoutRange(sideHref), lock: true });
}

/** Locking adopts the main view's range; unlocking leaves the side pane on the range it was showing. */
export function setLock(mainHref: string, split: SplitState, lock: boolean): string {
  if (lock === split.lock) return writeSplit(mainHref, split);
  const side = lock ? withoutRange(split.side) : withRangeOf(split.side, mainHref);
  return writeSplit(mainHref, { side, lock });
}

/** The side pane becomes the main view and the main view the side pane, each keeping the range it shows. */
export function swapPanes(mainHref: string, split: SplitState): string {
  const newMain = withoutSplit(sideViewHref(mainHref, split));
  const oldMain = withoutSplit(mainHref);
  return writeSplit(newMain, { side: split.lock ? withoutRange(oldMain) : oldMain, lock: split.lock });
}

/** The side pane's view as the single main view. */
export function promoteSide(mainHref: string, split: SplitState): string {
  return withoutSplit(sideViewHref(mainHref, split));
}
