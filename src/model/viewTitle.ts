import { serviceFromSegment } from './links';

/** The longest query shown in a logs step's title; the full one is in the link. */
const QUERY_TITLE_CHARS = 32;

function segmentText(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function shortQuery(q: string): string {
  const selector = /^\s*\{[^}]*\}/.exec(q)?.[0].trim();
  const text = selector ?? q.trim();
  const cut = text.length > QUERY_TITLE_CHARS ? `${text.slice(0, QUERY_TITLE_CHARS - 1)}…` : text;
  return cut.length < q.trim().length && !cut.endsWith('…') ? `${cut} …` : cut;
}

/**
 * A short title for a view, from its href: the service's name, "trace 4bf92f…", "logs {service_name=…}".
 * Used by breadcrumbs and the side pane's header; the caller renders it as text (visibleText for
 * hostile names).
 */
export function viewTitle(href: string): string {
  const url = new URL(href, 'http://watchfloor.invalid');
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const q = url.searchParams.get('q');
  const [first, second, third] = parts;
  if (first === 'services') return second === undefined ? 'Services' : serviceFromSegment(segmentText(second));
  if (first === 'traces') {
    if (second === undefined) return url.searchParams.get('service') ? `traces of ${url.searchParams.get('service')}` : 'Trace search';
    if (second === 'file' && third !== undefined) return `trace file ${segmentText(third)}`;
    const id = segmentText(second);
    return `trace ${id.length > 6 ? `${id.slice(0, 6)}…` : id}`;
  }
  if (first === 'explore' && second === 'logs') return q ? `logs ${shortQuery(q)}` : 'Logs';
  if (first === 'explore') return q ? `Explore ${shortQuery(q)}` : 'Explore';
  if (first === 'noc') return 'Wall';
  if (first === 'settings') return 'Datasources';
  return url.pathname;
}
