import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { findPatterns } from '../../../model/logPatterns';
import { pinoLine, stream } from '../../../model/testing/logLineBuilders';
import { createWorkerPatternsEngine, type PatternsWorkerPort } from './patternsEngine';
import { CHUNK_LINES, chunkInput, isPageToPatternsWorker, MAX_PACKED_LINE_CHARS, packChunk, type PageToPatternsWorker } from './patternsProtocol';
import { createPatternsServer } from './patternsServer';

const T0 = Date.UTC(2025, 5, 4, 3, 0, 0);
const RANGE = { from: T0, to: T0 + 3_600_000 };
const s = stream({ service: 'payments' });
const lines = Array.from({ length: 2 * CHUNK_LINES + 17 }, (_, i) =>
  pinoLine(s, T0 + i * 300, i % 5 === 0 ? 'error' : 'info', i % 5 === 0 ? `payment ${i} declined: card expired` : `GET /orders/${i} 200 in ${i % 97}ms`, {}, i),
);

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/**
 * The engine on one end of a real MessageChannel (structured clone and transfer, as between a page and a
 * worker) and the server on the other. `sent` records what the page posted.
 */
function connected(): { port: PatternsWorkerPort; sent: PageToPatternsWorker[]; answers: number[] } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const sent: PageToPatternsWorker[] = [];
  const answers: number[] = [];
  const serve = createPatternsServer((message, transfer) => {
    answers.push(message.id);
    port2.postMessage(message, transfer as never);
  });
  port2.on('message', (data: unknown) => {
    if (isPageToPatternsWorker(data)) serve(data);
  });
  const port: PatternsWorkerPort = {
    postMessage: (message, transfer) => {
      sent.push(message);
      port1.postMessage(message, transfer as never);
    },
    addEventListener: (type, listener) => {
      if (type === 'message') port1.on('message', (data: unknown) => listener({ data } as MessageEvent));
    },
  };
  return { port, sent, answers };
}

describe('packChunk', () => {
  it('packs text, offsets and times so that each line reads back the same, long lines cut', () => {
    const long = pinoLine(s, T0, 'info', 'x'.repeat(20_000));
    const packed = chunkInput(packChunk([lines[5]!, lines[0]!, long, lines[1]!], 1, 4));
    expect(packed.length).toBe(3);
    expect(packed.text(0)).toBe(lines[0]!.line);
    expect(packed.text(1)).toHaveLength(MAX_PACKED_LINE_CHARS);
    expect(packed.text(2)).toBe(lines[1]!.line);
    expect(packed.timeMs(2)).toBe(lines[1]!.timeMs);
  });

  it('carries text that is not ASCII, lone surrogates and empty lines unchanged', () => {
    const texts = ['zahlung für café', '支付超时 30000ms', '🔥'.repeat(3000), 'x\uD800y', ''];
    const packed = chunkInput(packChunk(texts.map((t, i) => ({ ...lines[0]!, line: t, key: String(i) })), 0, texts.length));
    expect(texts.map((_, i) => packed.text(i))).toEqual(texts);
  });
});

describe('the patterns worker protocol', () => {
  it('answers with the same patterns as the calling thread would find', async () => {
    const { port } = connected();
    const engine = createWorkerPatternsEngine(port);
    const result = await engine.find(lines, RANGE, new AbortController().signal);
    const local = findPatterns(lines, RANGE);
    expect(result.patterns).toEqual(local.patterns);
    expect(Array.from(result.assignment)).toEqual(Array.from(local.assignment));
  });

  it('lets a newer request supersede an older one: the older rejects, the worker answers only the newer', async () => {
    const { port, answers } = connected();
    const engine = createWorkerPatternsEngine(port);
    const older = engine.find(lines, RANGE, new AbortController().signal);
    const newer = engine.find(lines.slice(0, 100), RANGE, new AbortController().signal);
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await newer).total).toBe(100);
    expect(answers).toEqual([2]);
  });

  it('cancels on abort: the worker stops and sends nothing for it', async () => {
    const { port, sent, answers } = connected();
    const engine = createWorkerPatternsEngine(port);
    const controller = new AbortController();
    const found = engine.find(lines, RANGE, controller.signal);
    controller.abort();
    await expect(found).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent.map((m) => m.type)).toEqual(['start', 'chunk', 'cancel']);
    // A later request is answered, the cancelled one never.
    expect((await engine.find(lines.slice(0, 10), RANGE, new AbortController().signal)).total).toBe(10);
    expect(answers).toEqual([2]);
  });

  it('rejects at once for an aborted signal, sending nothing', async () => {
    const { port, sent } = connected();
    const controller = new AbortController();
    controller.abort();
    await expect(createWorkerPatternsEngine(port).find(lines, RANGE, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent).toEqual([]);
  });

  it('sends the lines in chunks, each its own task, and the worker answers after the last', async () => {
    const { port, sent } = connected();
    const result = await createWorkerPatternsEngine(port).find(lines, RANGE, new AbortController().signal);
    expect(sent.map((m) => m.type)).toEqual(['start', 'chunk', 'chunk', 'chunk', 'end']);
    expect(sent.filter((m) => m.type === 'chunk').map((m) => (m.type === 'chunk' ? m.from : -1))).toEqual([0, CHUNK_LINES, 2 * CHUNK_LINES]);
    expect(result.total).toBe(lines.length);
  });

  it('answers an empty request', async () => {
    const { port } = connected();
    const result = await createWorkerPatternsEngine(port).find([], RANGE, new AbortController().signal);
    expect(result).toMatchObject({ total: 0, patterns: [] });
  });

  it('names a worker that failed, for what was pending and what comes after', async () => {
    const listeners: Array<(e: Event) => void> = [];
    const port: PatternsWorkerPort = {
      postMessage: () => undefined,
      addEventListener: (type, listener) => {
        if (type === 'error') listeners.push(listener);
      },
    };
    const engine = createWorkerPatternsEngine(port);
    const pending = engine.find(lines, RANGE, new AbortController().signal);
    for (const l of listeners) l(Object.assign(new Event('error'), { message: 'SyntaxError: bad chunk' }));
    await expect(pending).rejects.toThrow('The patterns worker failed: SyntaxError: bad chunk');
    await expect(engine.find(lines, RANGE, new AbortController().signal)).rejects.toThrow('The patterns worker failed');
  });
});

describe('createPatternsServer', () => {
  it('answers a chunk out of order with an error, and ignores chunks of a dropped request', () => {
    const posted: unknown[] = [];
    const serve = createPatternsServer((m) => posted.push(m));
    serve({ type: 'start', id: 1, total: 10, range: RANGE });
    serve({ type: 'start', id: 2, total: 10, range: RANGE });
    serve({ type: 'chunk', id: 1, from: 0, lines: packChunk(lines, 0, 10) });
    serve({ type: 'end', id: 1 });
    expect(posted).toEqual([]);
    serve({ type: 'chunk', id: 2, from: 5, lines: packChunk(lines, 0, 5) });
    expect(posted).toEqual([{ type: 'error', id: 2, message: 'chunk at line 5 does not follow line 0 of 10' }]);
  });
});
