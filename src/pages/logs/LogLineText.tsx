import { memo } from 'react';
import { highlightRuns } from './highlight';
import { prettyJson, rowText, type TextRun } from './lineText';

/** Runs as spans of text: colours and marks are styles, the text is always a text node. */
export function Runs({ runs, regexes }: { runs: readonly TextRun[]; regexes: readonly RegExp[] }) {
  return (
    <>
      {highlightRuns(runs, regexes).map((r, i) => {
        const style = r.color !== undefined || r.bold ? { color: r.color, fontWeight: r.bold ? 600 : undefined } : undefined;
        // Runs are positional pieces of one immutable line: their order is their identity.
        const key = i;
        if (r.mark) {
          return (
            <mark key={key} className="log-mark" style={style}>
              {r.text}
            </mark>
          );
        }
        return style ? (
          <span key={key} style={style}>
            {r.text}
          </span>
        ) : (
          r.text
        );
      })}
    </>
  );
}

interface LogLineTextProps {
  line: string;
  regexes: readonly RegExp[];
  pretty: boolean;
}

/** A line as the row draws it: cut at ROW_MAX_CHARS with a note, or prettified when it is JSON and asked to be. */
export const LogLineText = memo(function LogLineText({ line, regexes, pretty }: LogLineTextProps) {
  const json = pretty ? prettyJson(line) : undefined;
  const { runs, omitted } = rowText(json ?? line);
  return (
    <>
      <Runs runs={runs} regexes={regexes} />
      {omitted > 0 ? <span className="log-omitted"> … {omitted.toLocaleString('en-US')} more characters (see details)</span> : null}
    </>
  );
});
