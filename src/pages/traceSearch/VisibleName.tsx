import { visibleText } from '../../lib/visibleText';

/** A name from the server drawn as text a person can read: markers for invisible characters, cut, whole on hover. */
export function VisibleName({ value, maxChars, className }: { value: string; maxChars?: number; className?: string }) {
  const v = visibleText(value, maxChars);
  return (
    <span className={className} title={v.truncated || v.marked ? v.title : undefined}>
      {v.text}
    </span>
  );
}
