import { useEffect, useRef, useState, type FormEvent } from 'react';
import { resolveRange } from '../model/time';
import {
  absoluteRaw,
  describeRange,
  fromDateTimeLocal,
  QUICK_RANGES,
  toDateTimeLocal,
  zoomOutRaw,
} from '../state/timeUrl';
import { useTimeRange } from '../state/useTimeRange';

function AbsoluteRangeForm({ initialFrom, initialTo, onApply }: { initialFrom: number; initialTo: number; onApply: (from: number, to: number) => void }) {
  const [fromText, setFromText] = useState(() => toDateTimeLocal(initialFrom));
  const [toText, setToText] = useState(() => toDateTimeLocal(initialTo));
  const [problem, setProblem] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = fromDateTimeLocal(fromText);
    const to = fromDateTimeLocal(toText);
    if (Number.isNaN(from)) return setProblem('"From" needs a date and a time.');
    if (Number.isNaN(to)) return setProblem('"To" needs a date and a time.');
    if (from >= to) return setProblem('"From" must be before "To".');
    setProblem(undefined);
    onApply(from, to);
  };

  return (
    <form className="absolute-range" onSubmit={submit} noValidate>
      <h3>Absolute range</h3>
      <label>
        From
        <input type="datetime-local" value={fromText} onChange={(e) => setFromText(e.target.value)} aria-invalid={problem?.includes('From') || undefined} />
      </label>
      <label>
        To
        <input type="datetime-local" value={toText} onChange={(e) => setToText(e.target.value)} aria-invalid={problem?.includes('"To"') || undefined} />
      </label>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit">Apply</button>
    </form>
  );
}

/** The range button with its popover (quick relative ranges, absolute from/to) and a zoom-out button. */
export function TimeRangePicker() {
  const { raw, range, setRange } = useTimeRange();
  const [open, setOpen] = useState(false);
  // The clock is read when the popover opens (an event), not while rendering it.
  const [openedAt, setOpenedAt] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = describeRange(raw, range.to);
  return (
    <div className="time-picker" ref={boxRef}>
      <button
        type="button"
        className="tool-button"
        title="Zoom out (double the range)"
        aria-label="Zoom out"
        onClick={() => setRange(zoomOutRaw(raw, Date.now()))}
      >
        ⊖
      </button>
      <button type="button" className="tool-button time-picker-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => {
          setOpenedAt(Date.now());
          setOpen((o) => !o);
        }}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="icon">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>{' '}
        {label}
      </button>
      {open ? (
        <div className="time-picker-popover" role="dialog" aria-label="Time range">
          <AbsoluteRangeForm
            initialFrom={resolveRange(raw, openedAt).from}
            initialTo={resolveRange(raw, openedAt).to}
            onApply={(from, to) => {
              setRange(absoluteRaw({ from, to }));
              setOpen(false);
            }}
          />
          <ul className="quick-ranges">
            {QUICK_RANGES.map((q) => (
              <li key={q.from}>
                <button
                  type="button"
                  className={raw.from === q.from && raw.to === 'now' ? 'active' : undefined}
                  onClick={() => {
                    setRange({ from: q.from, to: 'now' });
                    setOpen(false);
                  }}
                >
                  {q.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
