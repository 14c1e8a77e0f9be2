import { Link } from 'react-router';
import type { CrossLink } from '../../model/correlations';
import { OpenBeside } from './openBeside';
import './crossLinks.css';

/**
 * One cross-signal link as the correlator answered it: a link named by its label, with the datasource it
 * opens beside it; or, when there is no target, the label as text with the reason ("no log datasource
 * configured"), so a missing link is explained, never silently absent. `data-link-kind` lets tests and
 * styles find a link by what it is, not by its text.
 */
export function CrossLinkAnchor({ link, label }: { link: CrossLink; label?: string }) {
  const text = label ?? link.label;
  if (!link.available) {
    return (
      <span className="cross-link cross-link-unavailable" data-link-kind={link.kind} aria-disabled="true">
        {text}: <span className="cross-link-reason">{link.reason}</span>
      </span>
    );
  }
  return (
    <span className="cross-link">
      <Link to={link.href} data-link-kind={link.kind} data-datasource={link.datasourceUid}>
        {text}
      </Link>{' '}
      <span className="cross-link-target">in {link.datasourceName}</span>
      <OpenBeside href={link.href} />
    </span>
  );
}

/** A row of cross links (a trace's, a span's, a log line's), labelled for assistive technology. */
export function CrossLinks({ links, label }: { links: ReadonlyArray<{ link: CrossLink; label?: string }>; label: string }) {
  return (
    <ul className="cross-links" aria-label={label}>
      {links.map(({ link, label: text }) => (
        <li key={link.kind}>
          <CrossLinkAnchor link={link} {...(text !== undefined ? { label: text } : {})} />
        </li>
      ))}
    </ul>
  );
}
