import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { findPatterns } from '../../../model/logPatterns';
import { pinoLine, stream } from '../../../model/testing/logLineBuilders';
import { createWorkerPatternsEngine, type PatternsWorkerPort } from './patternsEngine';
import { isPageToPatternsWorker, packedInput, packLines, type PageToPatternsWorker, MAX_PACKED_LINE_CHARS } from './patternsProtocol';
import { CHUNK_LINES, createPatternsServer } from './patternsServer';

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

describe('packLines', () => {
  it('packs text, offsets and times so that each line reads back the same, long lines cut', () => {
    const long = pinoLine(s, T0, 'info', 'x'.repeat(20_000));
    const packed = packedInput(packLines([lines[0]!, long, lines[1]!]));
    expect(packed.length).toBe(3);
    expect(packed.text(0)).toBe(lines[0]!.line);
    expect(packed.text(1)).toHaveLength(MAX_PACKED_LINE_CHARS);
    expect(packed.text(2)).toBe(lines[1]!.line);
    expect(packed.timeMs(2)).toBe(lines[1]!.timeMs);
  });

  it('carries text that is not ASCII, growing its buffer, and marks a lone surrogate as U+FFFD', () => {
    const texts = ['zahlung für café', '支付超时 30000ms', '🔥'.repeat(3000), 'ok', ''];
    const packed = packedInput(packLines(texts.map((t, i) => pinoLine(s, T0, 'info', t, {}, i))));
    const messages = texts.map((_, i) => JSON.parse(packed.text(i)).msg);
    expect(messages.slice(0, 3)).toEqual(texts.slice(0, 3));
    const raw = packedInput(packLines([{ ...lines[0]!, line: 'x\uD800y' }]));
    expect(raw.text(0)).toBe('x\uFFFDy');
    expect(messages[4]).toBe('');
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
    expect(sent.map((m) => m.type)).toEqual(['patterns', 'cancel']);
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
