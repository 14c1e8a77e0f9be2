import { DataSourceError } from '../../lib/errors';
import { asRecord, asStringList } from './readers';

export interface Envelope {
  data: unknown;
  /** The server's `warnings` and `infos`, in that order; shown beside the panel, never dropped. */
  warnings: string[];
}

/** Checks `{"status":"success","data":…,"warnings":[…],"infos":[…]}` and hands back its payload. */
export function readEnvelope(body: unknown): Envelope {
  const root = asRecord(body, 'the response body');
  if (root.status === 'error') {
    const text = typeof root.error === 'string' ? root.error : 'Prometheus reported an error without a message';
    const errorType = typeof root.errorType === 'string' ? root.errorType : undefined;
    throw new DataSourceError(text, { kind: 'query', body, ...(errorType === undefined ? {} : { errorType }) });
  }
  if (root.status !== 'success') {
    throw new DataSourceError(
      `Unexpected response from Prometheus: status should be "success" or "error", got ${JSON.stringify(root.status) ?? 'nothing'}`,
      { kind: 'parse' },
    );
  }
  if (!('data' in root)) {
    throw new DataSourceError('Unexpected response from Prometheus: the field data is missing', { kind: 'parse' });
  }
  const warnings = root.warnings === undefined ? [] : asStringList(root.warnings, 'warnings');
  const infos = root.infos === undefined ? [] : asStringList(root.infos, 'infos');
  return { data: root.data, warnings: [...warnings, ...infos] };
}
