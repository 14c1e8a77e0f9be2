import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { parseTraceInput } from '../model/traceInput';
import { useTimeScope } from '../state/timeScopeContext';

/**
 * The top bar's "go to trace" box: a pasted trace ID or `traceparent` opens the trace view, searched over the
 * page's time range (backends that look traces up by time need one). Bad input says why and is kept, to fix.
 */
export function TraceIdBox() {
  const navigate = useNavigate();
  const { params } = useTimeScope();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTraceInput(text);
    if (!parsed.ok) {
      setProblem(parsed.reason);
      return;
    }
    const search = new URLSearchParams({ from: params.from, to: params.to });
    if (parsed.spanId !== undefined) search.set('span', parsed.spanId);
    setText('');
    setProblem(null);
    void navigate(`/traces/${parsed.traceId}?${search.toString()}`);
  };

  return (
    <form className="trace-id-box" role="search" aria-label="Open a trace" onSubmit={submit}>
      <input
        type="text"
        value={text}
        placeholder="Trace ID or traceparent"
        aria-label="Trace ID"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
      />
      {problem !== null && (
        <span id={problemId} className="trace-id-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
