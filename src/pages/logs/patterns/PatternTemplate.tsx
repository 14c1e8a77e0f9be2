import { WILDCARD } from '../../../model/logPatternText';

/** A template as text, each masked part styled apart. Never HTML: hostile lines stay text. */
export function PatternTemplate({ template }: { template: string }) {
  const parts = template.split(WILDCARD);
  return (
    <span className="pattern-template">
      {parts.map((part, i) => (
        // Parts of one immutable string, in order: the index is their identity.
        <span key={i}>
          {part}
          {i < parts.length - 1 && <span className="pattern-var">{WILDCARD}</span>}
        </span>
      ))}
    </span>
  );
}
