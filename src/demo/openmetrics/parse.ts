/**
 * A small OpenMetrics text reader — enough to check what exposeOpenMetrics and
 * writeBackfillOpenMetrics emit (tests, the demo server's self-check). It is strict about the parts
 * Prometheus is strict about: one `# TYPE` per family before its samples, samples belonging to the
 * family just declared, escaped label values, and a final `# EOF`.
 */
export interface ParsedExemplar {
  labels: Record<string, string>;
  value: number;
  timestampS?: number;
}

export interface ParsedSample {
  family: string;
  name: string;
  labels: Record<string, string>;
  value: number;
  timestampS?: number;
  exemplar?: ParsedExemplar;
}

export interface ParsedFamily {
  name: string;
  type: string;
  unit?: string;
  help?: string;
}

export interface ParsedOpenMetrics {
  families: ParsedFamily[];
  samples: ParsedSample[];
}

const SUFFIXES: Record<string, readonly string[]> = {
  counter: ['_total', '_created'],
  histogram: ['_bucket', '_count', '_sum', '_created'],
  gauge: [''],
  unknown: [''],
  summary: ['', '_count', '_sum', '_created'],
};

function parseNumber(text: string, line: number): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new Error(`line ${line}: bad number "${text}"`);
  return Number(text);
}

/** Reads `{a="x",b="y"}` starting at `pos`; returns the labels and the index after `}`. */
function parseLabels(text: string, pos: number, line: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = pos + 1;
  while (text[i] !== '}') {
    const eq = text.indexOf('=', i);
    const name = text.slice(i, eq);
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) || text[eq + 1] !== '"') throw new Error(`line ${line}: bad label at ${i}`);
    let j = eq + 2;
    let value = '';
    while (text[j] !== '"') {
      if (j >= text.length) throw new Error(`line ${line}: unterminated label value`);
      if (text[j] === '\\') {
        const next = text[j + 1];
        value += next === 'n' ? '\n' : (next ?? '');
        j += 2;
      } else {
        value += text[j];
        j++;
      }
    }
    if (name in labels) throw new Error(`line ${line}: duplicate label ${name}`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`line ${line}: expected , or }`);
  }
  return { labels, end: i + 1 };
}

export function parseOpenMetrics(text: string): ParsedOpenMetrics {
  const lines = text.split('\n');
  if (lines[lines.length - 1] !== '' || lines[lines.length - 2] !== '# EOF') throw new Error('missing final "# EOF\\n"');
  const families: ParsedFamily[] = [];
  const samples: ParsedSample[] = [];
  const seen = new Set<string>();
  let current: ParsedFamily | undefined;
  for (let n = 0; n < lines.length - 2; n++) {
    const line = lines[n] ?? '';
    const lineNo = n + 1;
    const meta = /^# (TYPE|UNIT|HELP) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name = '', rest = ''] = meta;
      if (kind === 'TYPE') {
        if (seen.has(name)) throw new Error(`line ${lineNo}: family ${name} declared twice`);
        seen.add(name);
        current = { name, type: rest };
        families.push(current);
      } else if (current?.name !== name) {
        throw new Error(`line ${lineNo}: ${kind} for ${name} outside its family`);
      } else if (kind === 'UNIT') {
        if (!name.endsWith(`_${rest}`)) throw new Error(`line ${lineNo}: family ${name} does not end with its unit ${rest}`);
        current.unit = rest;
      } else {
        current.help = rest;
      }
      continue;
    }
    if (line.startsWith('#')) throw new Error(`line ${lineNo}: unexpected comment`);
    if (current === undefined) throw new Error(`line ${lineNo}: sample before any # TYPE`);
    const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
    const name = nameMatch?.[0] ?? '';
    const family = current;
    if (!(SUFFIXES[family.type] ?? ['']).some((s) => name === family.name + s)) {
      throw new Error(`line ${lineNo}: sample ${name} does not belong to family ${family.name} (${family.type})`);
    }
    let pos = name.length;
    let labels: Record<string, string> = {};
    if (line[pos] === '{') ({ labels, end: pos } = parseLabels(line, pos, lineNo));
    const [samplePart = '', exemplarPart] = line.slice(pos).split(' # ');
    const fields = samplePart.trim().split(' ');
    const sample: ParsedSample = { family: family.name, name, labels, value: parseNumber(fields[0] ?? '', lineNo) };
    if (fields[1] !== undefined) sample.timestampS = parseNumber(fields[1], lineNo);
    if (exemplarPart !== undefined) {
      if (!exemplarPart.startsWith('{')) throw new Error(`line ${lineNo}: bad exemplar`);
      const { labels: exLabels, end } = parseLabels(exemplarPart, 0, lineNo);
      const exFields = exemplarPart.slice(end).trim().split(' ');
      sample.exemplar = { labels: exLabels, value: parseNumber(exFields[0] ?? '', lineNo) };
      if (exFields[1] !== undefined) sample.exemplar.timestampS = parseNumber(exFields[1], lineNo);
    }
    samples.push(sample);
  }
  return { families, samples };
}
