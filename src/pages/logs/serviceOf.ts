import type { LogLine } from '../../model/logs';

/** Which label names a service is found under, in order: OpenTelemetry, then common Loki/Kubernetes ones. */
const SERVICE_LABELS = ['service_name', 'service', 'service.name', 'app', 'application', 'job', 'container'];

/** The service a line came from, from its stream labels or metadata; '' when it says none. */
export function serviceOf(line: LogLine): string {
  const labels = line.stream.labels;
  for (const name of SERVICE_LABELS) {
    const v = labels[name] ?? line.metadata?.[name];
    if (v !== undefined && v !== '') return v;
  }
  return '';
}
