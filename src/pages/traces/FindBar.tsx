import type { Ref } from 'react';

interface FindBarProps {
  query: string;
  onQuery: (q: string) => void;
  matchCount: number;
  /** 0-based index of the current match, or -1 before next/previous is pressed. */
  current: number;
  onStep: (direction: 1 | -1) => void;
  inputRef: Ref<HTMLInputElement>;
}

/** Find in trace: span name, service, span ID, attribute keys and values. Enter steps on, Shift+Enter back. */
export function FindBar({ query, onQuery, matchCount, current, onStep, inputRef }: FindBarProps) {
  const status = query.trim() === '' ? '' : matchCount === 0 ? 'no matches' : `${current >= 0 ? current + 1 : '–'} of ${matchCount}`;
  return (
    <div className="trace-find" role="search" aria-label="Find in trace">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in trace"
        placeholder="Find in trace ( / )"
        value={query}
        spellCheck={false}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      <span className="trace-find-status" aria-live="polite" data-testid="find-status">
        {status}
      </span>
      <button type="button" aria-label="Previous match" disabled={matchCount === 0} onClick={() => onStep(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={matchCount === 0} onClick={() => onStep(1)}>
        ↓
      </button>
    </div>
  );
}
