import type { Labels } from './series';

/** Labels that carry an HTTP (or HTTP-like) status code, in the spellings OpenTelemetry and client libraries use. */
const STATUS_CODE_LABELS = ['http_response_status_code', 'http_status_code', 'status_code', 'status', 'code', 'http_status'];
/** Labels that carry an outcome word (OpenTelemetry span status as exported, or a plain `outcome`). */
const OUTCOME_LABELS = ['otel_status_code', 'status', 'outcome', 'result'];
const ERROR_WORDS = new Set(['error', 'err', 'failure', 'failed', 'fail']);
const TRUE_WORDS = new Set(['true', '1', 'yes']);

function isServerErrorCode(value: string | undefined): boolean {
  if (value === undefined || !/^\s*\d{3}\s*$/.test(value)) return false;
  const code = Number(value);
  return code >= 500 && code <= 599;
}

function labelsSayError(labels: Labels): boolean {
  for (const name of STATUS_CODE_LABELS) if (isServerErrorCode(labels[name])) return true;
  for (const name of OUTCOME_LABELS) {
    const v = labels[name];
    if (v !== undefined && ERROR_WORDS.has(v.trim().toLowerCase())) return true;
  }
  const flag = labels.error;
  return flag !== undefined && TRUE_WORDS.has(flag.trim().toLowerCase());
}

/**
 * Whether an exemplar stands for a failed request: its own labels or its series' labels say so (a 5xx
 * status code, `error="true"`, an outcome of "error"), or it comes from a series that counts only errors
 * (`errorSeries`: the panel's exemplar query selects failed requests, as the error-ratio panel's does).
 * A 4xx is the caller's mistake, not the service's, as the error ratio counts it. Pure, so the thinning
 * and the marker colour agree.
 */
export function isErrorExemplar(exemplar: { labels: Labels; seriesLabels: Labels }, options: { errorSeries?: boolean } = {}): boolean {
  if (options.errorSeries === true) return true;
  return labelsSayError(exemplar.labels) || labelsSayError(exemplar.seriesLabels);
}
