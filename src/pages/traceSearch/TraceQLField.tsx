import { traceqlLanguage } from '../../editor/traceql';
import { BoundQueryField, type BoundQueryFieldProps, type LanguageFor } from '../shared/BoundQueryField';
import { traceqlCompletionSource } from './traceqlCompletionSource';

export type TraceQLFieldProps = BoundQueryFieldProps;

const traceql: LanguageFor = (ds, range) => traceqlLanguage(traceqlCompletionSource(ds, range));

/** The TraceQL editor bound to a datasource; its own chunk, so CodeMirror loads only when TraceQL mode is opened. */
export default function TraceQLField(props: TraceQLFieldProps) {
  return <BoundQueryField {...props} languageFor={traceql} />;
}
