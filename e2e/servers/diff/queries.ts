/**
 * Hand-written PromQL for the differential test, one or more per feature of the demo's subset. The
 * Golden Signals templates are added by the test itself from the adapter's own enumeration.
 */
export const SUBSET_QUERIES: readonly string[] = [
  // selectors: all four matchers, __name__ regex, offset
  'http_server_request_duration_seconds_count{service_name="payments", http_route=~"/payments.*", http_response_status_code!="500", http_request_method!~"PUT|DELETE"}',
  '{__name__=~"process_cpu_.+", job!="inventory"}',
  'http_requests_total{status=~"5..|4.."}',
  'process_cpu_seconds_total{job="auth"} offset 5m',
  // counters
  'rate(http_requests_total{job="inventory"}[5m])',
  'irate(http_server_request_duration_seconds_count{service_name="orders"}[1m])',
  'increase(process_cpu_seconds_total[10m])',
  'rate(http_client_request_duration_seconds_sum{service_name="payments"}[2m]) / rate(http_client_request_duration_seconds_count{service_name="payments"}[2m])',
  'rate(http_server_request_duration_seconds_count{service_name="auth"}[75s] offset 1m)',
  // offset binds to the operand on its left, not the whole expression (a lezer-tree pitfall the demo handles)
  'process_cpu_seconds_total / process_cpu_seconds_total offset 5m',
  '-http_server_active_requests offset 1m',
  'http_server_active_requests * 2 - http_server_active_requests offset 10m - 2',
  // *_over_time
  'avg_over_time(http_server_active_requests[5m])',
  'max_over_time(http_server_active_requests{service_name="payments"}[10m])',
  'min_over_time(http_server_active_requests[3m])',
  'sum_over_time(http_server_active_requests{service_name=~"api-gateway|orders"}[1m])',
  'count_over_time(process_cpu_limit_cores[4m])',
  'last_over_time(http_server_active_requests{service_name="orders"}[2m])',
  // aggregations
  'sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]))',
  'sum without (instance, http_route, http_request_method) (rate(http_server_request_duration_seconds_count[2m]))',
  'avg by (service_name) (http_server_active_requests)',
  'min(http_server_active_requests)',
  'max by (job) (process_cpu_limit_cores)',
  'count by (service_name) (http_server_request_duration_seconds_count)',
  'count without (le) (http_server_request_duration_seconds_bucket{service_name="auth"})',
  'topk(3, sum by (service_name) (rate(http_server_request_duration_seconds_count[5m])))',
  'topk by (service_name) (1, rate(http_server_request_duration_seconds_count[5m]))',
  'sum(rate(http_server_request_duration_seconds_bucket{service_name="payments"}[5m])) by (le)',
  // histogram_quantile
  'histogram_quantile(0.9, sum by (le, server_address) (rate(http_client_request_duration_seconds_bucket{service_name="orders"}[5m])))',
  'histogram_quantile(0.5, rate(http_request_duration_seconds_bucket{job="inventory"}[3m]))',
  'histogram_quantile(0.999, sum by (le) (rate(http_server_request_duration_seconds_bucket{service_name="payment-provider"}[1m])))',
  // scalar and vector arithmetic
  'rate(process_cpu_seconds_total[5m]) * 100',
  '2 * http_server_active_requests - 1',
  'http_server_active_requests / 0',
  'http_server_active_requests % 7 + 2 ^ 3',
  '-http_server_active_requests',
  '1 + 2 * 3',
  'rate(process_cpu_seconds_total[5m]) / on (job, instance) process_cpu_limit_cores',
  'rate(process_cpu_seconds_total{service_name!=""}[5m]) / ignoring (service_name) process_cpu_limit_cores',
  'sum by (service_name, http_route) (rate(http_server_request_duration_seconds_count[5m])) / ignoring (http_route) group_left sum by (service_name) (rate(http_server_request_duration_seconds_count[5m]))',
  'rate(http_server_request_duration_seconds_count[5m]) * on (job) group_left process_cpu_limit_cores',
  'sum by (job) (rate(process_cpu_seconds_total[5m])) + on (job) sum by (job) (process_cpu_limit_cores)',
  // comparison filters and bool
  'http_server_active_requests > 5',
  'sum by (service_name) (rate(http_server_request_duration_seconds_count{http_response_status_code="500"}[5m])) >= 0.1',
  'process_cpu_limit_cores == 2',
  'rate(process_cpu_seconds_total[5m]) < 0.5',
  'http_server_active_requests != 0',
  '0.2 < rate(process_cpu_seconds_total[5m])',
  'rate(process_cpu_seconds_total[5m]) > on (job, instance) (process_cpu_limit_cores * 0.05)',
  'http_server_active_requests > bool 3',
  // clamps
  'clamp_min(http_server_active_requests, 3)',
  'clamp_max(rate(http_server_request_duration_seconds_count{service_name="api-gateway"}[5m]), 10)',
  'clamp(http_server_active_requests, 1, 4)',
];

/** A probe selector with a raw-string regex (PromQL backticks: no escapes, so the regex is as written). */
const probe = (op: '=~' | '!~', regex: string) => `watchfloor_regex_probe{value${op}\`${regex}\`}`;

/**
 * Regex matchers on the probe series (`regexProbe.ts`), where RE2 and JS RegExp differ. An empty
 * answer is a legitimate outcome here, so these run in a test of their own.
 */
export const REGEX_QUERIES: readonly string[] = [
  // newlines: in 2.42 `.` stops at \n (and only there), `(?s)` crosses it, `(?m)` moves ^ and $
  probe('=~', 'line.*'),
  probe('=~', 'line one.line two'),
  probe('=~', '(?s)line one.line two'),
  probe('=~', '(?s:.*)'),
  probe('!~', '.+'),
  probe('!~', '.*'),
  probe('=~', '.*\\n'),
  probe('=~', '(?m)line one$\\nline two'),
  probe('=~', '(?m)^line two'),
  probe('=~', 'carriage.return'),
  probe('=~', 'line.separator'),
  'watchfloor_regex_probe{value="line one\\nline two"}',
  'watchfloor_regex_probe{value=~"line one\\nline.*"}',
  // case folding: leading (?i), mid-pattern groups, flag scopes and negation
  probe('=~', '(?i)payments'),
  probe('=~', 'PAY(?i)MENTS'),
  probe('=~', 'PAY(?i:ments)'),
  probe('=~', '(?i:pay)ments'),
  probe('=~', '(?i)PAY(?-i:ments)'),
  probe('=~', '(?i)p[a-c]yments'),
  probe('=~', '(?i)[^p].*'),
  probe('=~', 'pay|(?i)PAYMENTS'),
  probe('!~', '(?i)payments'),
  probe('=~', '(?i)kelvin'),
  probe('=~', '(?i)small'),
  probe('=~', '(?i)STRASSE|(?i)straße'),
  probe('=~', 'x(?i:[k])elvin|(?i:[k])elvin'),
  // classes: ASCII Perl and POSIX classes, Unicode classes, one rune outside the BMP
  probe('=~', '\\w+'),
  probe('=~', '\\S+\\s\\S+'),
  probe('=~', '[[:alpha:]]+'),
  probe('=~', '[[:^alpha:]]+.*'),
  probe('=~', '\\p{Lu}.*'),
  probe('=~', '\\pL+'),
  probe('=~', '\\p{Greek}|\\P{Latin}'),
  probe('=~', '.'),
  probe('=~', '[^a]'),
  // literal syntax RE2 reads its own way
  probe('=~', 'a\\.b'),
  probe('=~', 'a.b'),
  probe('=~', '\\Qa.b\\E'),
  probe('=~', 'a\\x2eb|\\x{1F600}'),
  probe('=~', 'pay{,2}ments|payments{1}'),
  probe('=~', '(?U)pay.+ts'),
  probe('=~', '(?P<name>pay)ments'),
  probe('=~', '(?P<n>pay)(?P<n>ments)'),
  probe('=~', ''),
  'count(watchfloor_regex_probe{value=~"(?i)Pay.*"})',
];

/** Instant-only: a bare range selector answers the raw samples as a matrix. */
export const INSTANT_ONLY_QUERIES: readonly string[] = ['http_server_active_requests{service_name="payments"}[2m]'];

/**
 * Malformed queries: the demo must answer each with Prometheus's parse error, text and `line:col`
 * alike. One or more per kind of error: the 2.42 lexer's own, syntax errors with and without a
 * grammar context, literals, names, argument counts and types, selector and operator rules, regexes.
 */
export const PARSE_ERROR_QUERIES: readonly string[] = [
  // lexer
  'sum(rate(http_requests_total[5m])',
  'sum(x))',
  'x[5m',
  'x[5m]]',
  'http_requests_total{job="inventory"',
  'x{a~"b"}',
  'x{a!}',
  'x ~ y',
  'x !',
  'x{a="b}',
  '"abc',
  'x{a=`b}',
  'x{a="\\q"}',
  'x{a="\\u12"}',
  'rate(x[5x])',
  'x[5]',
  'x[-5m]',
  'x[5m5]',
  '1_000',
  'x offset 5x',
  // literals
  'x[1.5m]',
  'x[0s]',
  'x offset 0s',
  '1e',
  '1e999',
  // syntax errors without a context
  'x y',
  '1.2.3',
  'x "abcdefghijklmn"',
  'x 5m',
  'x sum',
  'x by',
  'x :y',
  '(1,2)',
  'start()',
  '1 +',
  'x == bool',
  'x # comment\n+',
  'x{a="é"} y',
  // syntax errors in a grammar context
  'x{a=~b}',
  'x{a="b" c="d"}',
  'x{,}',
  'x{a}',
  'x{"a"="b"}',
  'sum(http_requests_total) by',
  'x + on(a) group_left',
  'sum by (a (x)',
  'sum by (a:b) (x)',
  'sum by (a) by (b) (x)',
  'sum(rate(x y))',
  'sum(5m)',
  'sum(x,,)',
  'histogram_quantile(0.9,)',
  'http_requests_total{job=~"inventory"} offset',
  'x offset 5',
  'x offset (5m)',
  'x @ y',
  'x[5m 1m]',
  'x[5m+1m]',
  'x[5m] smoothed',
  // names, argument counts and types
  'foo(x)',
  'foo(x y)',
  'sort_by_label(x)',
  'limitk(1, x)',
  'rate(http_requests_total)',
  'histogram_quantile(0.9)',
  'round(x, 1, 2)',
  'label_join(x)',
  'label_replace(x, "a", "b", "c", 1)',
  'rate(abs(x))',
  'sum()',
  'topk(x)',
  'count_values(1, x)',
  'topk(x, y[5m])',
  // selectors, ranges, offsets, operators
  'x{a="b"} offset 5m[5m]',
  'sum(x)[5m]',
  '-x[5m]',
  'x + y[5m]',
  'x + 1 offset 5m',
  'x offset 5m offset 1m',
  'x + bool y',
  'x and on(a) group_left y',
  '{}',
  'x{__name__="y"}',
  // regular expressions
  'x{a=~"("}',
  'x{a=~"[a"}',
  'x{a=~"a**"}',
  'x{a=~"(?=a)"}',
  'x{a=~"x{1001}"}',
  'x{a=~"[[:foo:]]"}',
  'x{a=~"a)|(b"}',
  'x{a=~"(?i-)a"}',
  'x{a=~"(?P<1-2>a)"}',
  'x{a=~"\\\\8"}',
  'x{a=~"\\\\x{110000}"}',
  'x{a=~"\\\\pX"}',
  'x{a=~"\\\\p{Klingon}"}',
  'x{a=~"[\\\\b]"}',
  'x{a=~"a\\\\"}',
  'x{a=~"a+*"}',
  'x{a=~"|*"}',
  'x{a=~"\\\\C"}',
  // where lezer and 2.42 part ways
  '@x',
  'max by (job) ( offset y)',
  'to(3,  by x) offset 5m',
  'clamp(x, 1, on  4)',
  'irate(x[m])',
  // no expression
  '# only comment',
];

/**
 * Malformed queries the demo answers differently, each with the reason. `demo` is what the demo
 * does instead of Prometheus's parse error; the test checks it, so a fix shows up as a failure here.
 */
export const KNOWN_PARSE_ERROR_DIFFERENCES: ReadonlyArray<{ query: string; demo: 'accepted' | 'unsupported'; why: string }> = [
  { query: 'x{a=~"(a{500}){3}"}', demo: 'accepted', why: 'the RE2 translator checks each repeat count, not their product (RE2 stops at 1000)' },
  { query: 'x @ 1 @ 2', demo: 'unsupported', why: 'the demo refuses the @ modifier before checking it' },
];
