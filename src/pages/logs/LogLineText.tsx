import { memo, type ReactNode } from 'react';
import { highlightRuns } from './highlight';
import { prettyJson, rowText, type TextRun } from './lineText';

/**
 * Runs as React children: colours and marks are styles, the text is always a text node. A lone plain run is
 * returned as its string, so the element that holds it sets its text directly: a list scrolling at a screen a
 * frame mounts dozens of rows each frame, and every extra component or text node is React work in that frame.
 */
export function runNodes(runs: readonly TextRun[], regexes: readonly RegExp[]): ReactNode {
  const shown = highlightRuns(runs, regexes);
  if (shown.length === 1 && shown[0]!.color === undefined && shown[0]!.bold !== true && shown[0]!.mark !== true) return shown[0]!.text;
  return shown.map((r, i) => {
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
  });
}

export function Runs({ runs, regexes }: { runs: readonly TextRun[]; regexes: readonly RegExp[] }) {
  return <>{runNodes(runs, regexes)}</>;
}

/** A line as the row draws it: cut at ROW_MAX_CHARS with a note, or prettified when it is JSON and asked to be. */
export function lineNodes(line: string, regexes: readonly RegExp[], pretty: boolean): ReactNode {
  const json = pretty ? prettyJson(line) : undefined;
  const { runs, omitted } = rowText(json ?? line);
  const text = runNodes(runs, regexes);
  if (omitted === 0) return text;
  return (
    <>
      {text}
      <span className="log-omitted"> … {omitted.toLocaleString('en-US')} more characters (see details)</span>
    </>
  );
}

interface LogLineTextProps {
  line: string;
  regexes: readonly RegExp[];
  pretty: boolean;
}

export const LogLineText = memo(function LogLineText({ line, regexes, pretty }: LogLineTextProps) {
  return lineNodes(line, regexes, pretty);
});
