import type { LogLine } from './logs';
import { patternTokens, WILDCARD } from './logPatternText';
import type { TimeRange } from './time';

// Log patterns by the Drain algorithm (He, Zhu, Zheng, Lyu: "Drain: An Online Log Parsing Approach with Fixed
// Depth Tree", ICWS 2017; the shape of Drain3's implementation). Each line's message (logPatternText.ts: the
// JSON or logfmt message field, obvious variables pre-masked) is split into tokens and routed down a tree of
// fixed depth: first by token count, then by its first token (PREFIX_DEPTH; a token holding a digit or a
// wildcard goes down the `<*>` branch, and so does any token once a node has MAX_CHILDREN branches). The leaf
// holds candidate clusters; the line joins the most similar one (share of positions whose tokens are equal,
// wildcards not counting) when that share reaches SIMILARITY, and every position where they differ becomes
// `<*>`. Otherwise the line starts a new cluster. One pass, constant work per line, no recursion.

export interface PatternOptions {
  /** The most clusters kept; see `createPatternMiner` for what happens past it. Default 1000. */
  maxClusters?: number;
  /** Sparkline buckets over the range. Default 24. */
  buckets?: number;
  /** Drain's similarity threshold (0..1). Default 0.4, Drain3's. */
  similarity?: number;
}

export const DEFAULT_MAX_CLUSTERS = 1000;
export const DEFAULT_BUCKETS = 24;
const DEFAULT_SIMILARITY = 0.4;
/** Token levels below the token-count level: Drain3's default `depth` 4 is root, length, one token, leaf. */
const PREFIX_DEPTH = 1;
const MAX_CHILDREN = 100;

/** The cluster lines go to when `maxClusters` is reached and they match no existing cluster. */
export const OVERFLOW_PATTERN_ID = 'overflow';

/** The "new" rule: see `summarizePatterns`. */
export const NEW_WINDOW_SHARE = 0.25;
const NEW_MIN_RECENT = 3;
const NEW_MAX_BEFORE_SHARE = 0.05;

export interface LogPattern {
  /** Stable for the same template: a hash of it (or OVERFLOW_PATTERN_ID). */
  id: string;
  /** Tokens joined by single spaces, variable parts as `<*>`. */
  template: string;
  count: number;
  /** count / all lines. */
  share: number;
  /** Counts per bucket over the range, `buckets` long. */
  sparkline: number[];
  /** Appears in the last part of the range with no or negligible occurrences before it (see `summarizePatterns`). */
  isNew: boolean;
  /** The catch-all for lines that came after the cluster cap was reached. */
  overflow: boolean;
}

export interface PatternResult {
  /** Sorted: new ones first, then by count (descending), then by template. */
  patterns: LogPattern[];
  /** Per input line (in input order), the index in `patterns` of the pattern it belongs to. */
  assignment: Int32Array;
  total: number;
  /** Start of the "recent" part of the range the new rule looked at (epoch ms), or null when there was none. */
  newSinceMs: number | null;
  /** The cluster cap was reached: later unmatched lines are in the overflow pattern. */
  capped: boolean;
}

/** What the list shows while a pattern is selected: the keys of its lines. */
export interface PatternSelection {
  id: string;
  template: string;
  lineKeys: ReadonlySet<string>;
}

interface Cluster {
  tokens: string[];
  count: number;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: number[];
}

const newNode = (): TreeNode => ({ children: new Map(), clusters: [] });

export interface PatternMiner {
  /** Clusters one line; returns its cluster index (stable for the miner's life). */
  add(line: string): number;
  readonly clusterCount: number;
  readonly capped: boolean;
  /** The cluster's current template tokens. */
  tokensOf(cluster: number): readonly string[];
  isOverflow(cluster: number): boolean;
}

const isVariableToken = (token: string): boolean => token.includes(WILDCARD) || /\d/.test(token);

/**
 * An incremental Drain parse tree. Memory is bounded by `maxClusters` templates (plus the tree's keys):
 * once that many clusters exist, a line that matches none of them is not given a new cluster but counted
 * in one overflow cluster, shown as such, so counts and membership stay exact and nothing is silently lost
 * (Drain3 evicts the least recently used cluster instead, which would drop its lines' counts mid-pass).
 */
export function createPatternMiner(options: PatternOptions = {}): PatternMiner {
  const maxClusters = Math.max(1, options.maxClusters ?? DEFAULT_MAX_CLUSTERS);
  const threshold = options.similarity ?? DEFAULT_SIMILARITY;
  const clusters: Cluster[] = [];
  const byLength = new Map<number, TreeNode>();
  let overflow = -1;

  const leafFor = (tokens: readonly string[], create: boolean): TreeNode | undefined => {
    let node: TreeNode | undefined = byLength.get(tokens.length);
    if (node === undefined) {
      if (!create) return undefined;
      node = newNode();
      byLength.set(tokens.length, node);
    }
    const depth = Math.min(PREFIX_DEPTH, tokens.length);
    for (let d = 0; d < depth; d++) {
      const token = tokens[d]!;
      const key = isVariableToken(token) ? WILDCARD : token;
      let next: TreeNode | undefined = node.children.get(key);
      if (next === undefined && !create) next = node.children.get(WILDCARD);
      if (next === undefined) {
        if (!create) return undefined;
        const branch: string = node.children.size < MAX_CHILDREN ? key : WILDCARD;
        next = node.children.get(branch) ?? newNode();
        node.children.set(branch, next);
      }
      node = next;
    }
    return node;
  };

  /** Drain's similarity: equal tokens over length, wildcards not counted; ties go to the most wildcards. */
  const bestMatch = (leaf: TreeNode, tokens: readonly string[]): number => {
    let best = -1;
    let bestSim = -1;
    let bestParams = -1;
    for (const index of leaf.clusters) {
      const template = clusters[index]!.tokens;
      let same = 0;
      let params = 0;
      for (let i = 0; i < template.length; i++) {
        const t = template[i]!;
        if (t === WILDCARD) params++;
        else if (t === tokens[i]) same++;
      }
      const sim = template.length === 0 ? 1 : same / template.length;
      if (sim > bestSim || (sim === bestSim && params > bestParams)) {
        best = index;
        bestSim = sim;
        bestParams = params;
      }
    }
    return bestSim >= threshold ? best : -1;
  };

  return {
    add(line) {
      const tokens = patternTokens(line);
      const leaf = leafFor(tokens, false);
      const match = leaf === undefined ? -1 : bestMatch(leaf, tokens);
      if (match >= 0) {
        const cluster = clusters[match]!;
        const template = cluster.tokens;
        for (let i = 0; i < template.length; i++) if (template[i] !== tokens[i]) template[i] = WILDCARD;
        cluster.count++;
        return match;
      }
      if (clusters.length - (overflow >= 0 ? 1 : 0) >= maxClusters) {
        if (overflow < 0) {
          overflow = clusters.length;
          clusters.push({ tokens: [], count: 0 });
        }
        clusters[overflow]!.count++;
        return overflow;
      }
      const index = clusters.length;
      clusters.push({ tokens, count: 1 });
      leafFor(tokens, true)!.clusters.push(index);
      return index;
    },
    get clusterCount() {
      return clusters.length;
    },
    get capped() {
      return overflow >= 0;
    },
    tokensOf: (cluster) => clusters[cluster]!.tokens,
    isOverflow: (cluster) => cluster === overflow,
  };
}

/** FNV-1a, 32 bit, as 8 hex digits: an ID that is the same for the same template in every run and tab. */
export function templateId(template: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < template.length; i++) {
    h ^= template.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `p${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** One clustered line: which cluster, and when. */
export interface MinedLines {
  miner: PatternMiner;
  /** Cluster index per line, in input order. */
  clusterOf: Int32Array;
  timesMs: Float64Array;
}

/**
 * Patterns with counts, shares, sparklines and the "new" mark.
 *
 * The new rule: the lines in hand span from max(range.from, oldest line) to range.to (the newest line when
 * that is later); the last NEW_WINDOW_SHARE (25 %) of that span is "recent". A pattern is new when it has at
 * least NEW_MIN_RECENT (3) lines in the recent part and at most NEW_MAX_BEFORE_SHARE (5 %) as many before it,
 * and some line (of any pattern) lies before it: with nothing earlier in hand there is nothing to be new
 * against. Measuring from the oldest line in hand, not the range's start, keeps a page of the newest 5,000
 * lines from marking every pattern new.
 *
 * Clusters that ended with the same template are merged, so an ID names one pattern.
 */
export function summarizePatterns(mined: MinedLines, range: TimeRange, options: PatternOptions = {}): PatternResult {
  const { miner, clusterOf, timesMs } = mined;
  const total = clusterOf.length;
  const buckets = Math.max(1, options.buckets ?? DEFAULT_BUCKETS);

  // Cluster → pattern (merging equal templates).
  const patternOfCluster = new Int32Array(miner.clusterCount);
  const byTemplate = new Map<string, number>();
  const drafts: Array<{ id: string; template: string; overflow: boolean }> = [];
  for (let c = 0; c < miner.clusterCount; c++) {
    const overflow = miner.isOverflow(c);
    const template = overflow ? '' : miner.tokensOf(c).join(' ');
    const key = overflow ? `\u0000${OVERFLOW_PATTERN_ID}` : template;
    let p = byTemplate.get(key);
    if (p === undefined) {
      p = drafts.length;
      byTemplate.set(key, p);
      drafts.push({ id: overflow ? OVERFLOW_PATTERN_ID : templateId(template), template, overflow });
    }
    patternOfCluster[c] = p;
  }

  let oldest = Infinity;
  let newest = -Infinity;
  for (let i = 0; i < total; i++) {
    const t = timesMs[i]!;
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  }
  const spanFrom = Math.max(range.from, oldest);
  const spanTo = Math.max(range.to, newest);
  const cutoff = spanTo - NEW_WINDOW_SHARE * (spanTo - spanFrom);
  const bucketMs = (range.to - range.from) / buckets;

  const n = drafts.length;
  const counts = new Float64Array(n);
  const recent = new Float64Array(n);
  const sparks = new Float64Array(n * buckets);
  let linesBefore = 0;
  for (let i = 0; i < total; i++) {
    const p = patternOfCluster[clusterOf[i]!]!;
    const t = timesMs[i]!;
    counts[p]!++;
    if (t >= cutoff) recent[p]!++;
    else linesBefore++;
    const b = bucketMs > 0 ? Math.min(buckets - 1, Math.max(0, Math.floor((t - range.from) / bucketMs))) : buckets - 1;
    sparks[p * buckets + b]!++;
  }
  const canBeNew = total > 0 && linesBefore > 0 && spanTo > spanFrom;

  const unsorted: LogPattern[] = drafts.map((d, p) => {
    const r = recent[p]!;
    const before = counts[p]! - r;
    return {
      id: d.id,
      template: d.template,
      count: counts[p]!,
      share: total > 0 ? counts[p]! / total : 0,
      sparkline: Array.from(sparks.subarray(p * buckets, (p + 1) * buckets)),
      isNew: canBeNew && !d.overflow && r >= NEW_MIN_RECENT && before <= NEW_MAX_BEFORE_SHARE * r,
      overflow: d.overflow,
    };
  });
  const order = unsorted.map((_, p) => p).sort((a, b) => comparePatterns(unsorted[a]!, unsorted[b]!));
  const rank = new Int32Array(n);
  order.forEach((p, r) => {
    rank[p] = r;
  });
  const assignment = new Int32Array(total);
  for (let i = 0; i < total; i++) assignment[i] = rank[patternOfCluster[clusterOf[i]!]!]!;

  return {
    patterns: order.map((p) => unsorted[p]!),
    assignment,
    total,
    newSinceMs: canBeNew ? cutoff : null,
    capped: miner.capped,
  };
}

/** New ones first, then by count (descending), then by template; the overflow pattern last. */
export function comparePatterns(a: LogPattern, b: LogPattern): number {
  if (a.overflow !== b.overflow) return a.overflow ? 1 : -1;
  if (a.isNew !== b.isNew) return a.isNew ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return a.template < b.template ? -1 : a.template > b.template ? 1 : 0;
}

/** What the miner reads of each line: text and time, by index (LogLine[] or the worker's packed columns). */
export interface PatternInput {
  readonly length: number;
  text(i: number): string;
  timeMs(i: number): number;
}

export function patternInputOf(lines: readonly LogLine[]): PatternInput {
  return { length: lines.length, text: (i) => lines[i]!.line, timeMs: (i) => lines[i]!.timeMs };
}

/**
 * Clusters lines [from, to) of `input` into `mined`, as lines `at`… of the whole (default `from`): the worker
 * mines a request chunk by chunk as the chunks arrive.
 */
export function mineRange(input: PatternInput, mined: MinedLines, from: number, to: number, at: number = from): void {
  for (let i = from; i < to; i++) {
    const j = at + (i - from);
    mined.clusterOf[j] = mined.miner.add(input.text(i));
    mined.timesMs[j] = input.timeMs(i);
  }
}

export function startMining(length: number, options: PatternOptions = {}): MinedLines {
  return { miner: createPatternMiner(options), clusterOf: new Int32Array(length), timesMs: new Float64Array(length) };
}

/** Everything in one call, on the calling thread: for tests and small inputs. The page uses the worker. */
export function findPatterns(lines: readonly LogLine[], range: TimeRange, options: PatternOptions = {}): PatternResult {
  const input = patternInputOf(lines);
  const mined = startMining(input.length, options);
  mineRange(input, mined, 0, input.length);
  return summarizePatterns(mined, range, options);
}

/** The selection of pattern `id` over the lines the result was computed from, or null when it has none. */
export function patternSelection(result: PatternResult, lines: readonly LogLine[], id: string): PatternSelection | null {
  const index = result.patterns.findIndex((p) => p.id === id);
  if (index < 0) return null;
  const keys = new Set<string>();
  const n = Math.min(lines.length, result.assignment.length);
  for (let i = 0; i < n; i++) if (result.assignment[i] === index) keys.add(lines[i]!.key);
  return { id, template: result.patterns[index]!.template, lineKeys: keys };
}
