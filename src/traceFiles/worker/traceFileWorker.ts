/**
 * Entry of the trace-file worker (a dedicated module worker, started per file by `client.ts`): the format
 * detector with the adapters' own converters, so a 100 MB file is read and parsed off the page's thread.
 */
import { serveTraceFileJobs, type JobPort } from './serve';
import { WORKER_FORMATS } from './workerFormats';

serveTraceFileJobs(self as unknown as JobPort, WORKER_FORMATS);
