import { vi } from 'vitest';

/** One drawing call, with the context state it drew in. */
export interface DrawOp {
  op: 'roundRect' | 'fillRect' | 'fillText' | 'stroke';
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
  fillStyle: string;
  strokeStyle: string;
  alpha: number;
  textAlign: string;
}

/**
 * jsdom has no canvas: this gives every `<canvas>` a 2D context that records what is drawn (since the last
 * `clearRect`, i.e. the last full paint), and a CSS box `width` × `height` px, so a canvas view draws in tests
 * and they can assert its strokes. Call in a test (or `beforeEach`); `vi.restoreAllMocks()` undoes it.
 */
export function recordCanvases(width: number, height = 600): { ops: () => DrawOp[] } {
  let ops: DrawOp[] = [];
  let path: { x: number; y: number; w: number; h: number } | null = null;
  const ctx = {
    fillStyle: '#000',
    strokeStyle: '#000',
    globalAlpha: 1,
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    lineWidth: 1,
    shadowColor: 'transparent',
    shadowBlur: 0,
    setTransform: () => undefined,
    clearRect: () => {
      ops = [];
    },
    beginPath: () => {
      path = null;
    },
    roundRect: (x: number, y: number, w: number, h: number) => {
      path = { x, y, w, h };
    },
    fill: () => {
      if (path) ops.push({ op: 'roundRect', ...path, ...state() });
    },
    stroke: () => {
      if (path) ops.push({ op: 'stroke', ...path, ...state() });
    },
    fillRect: (x: number, y: number, w: number, h: number) => ops.push({ op: 'fillRect', x, y, w, h, ...state() }),
    fillText: (text: string, x: number, y: number) => ops.push({ op: 'fillText', x, y, w: 0, h: 0, text, ...state() }),
  };
  const state = () => ({ fillStyle: String(ctx.fillStyle), strokeStyle: String(ctx.strokeStyle), alpha: ctx.globalAlpha, textAlign: ctx.textAlign });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(0, 0, width, height));
  return { ops: () => ops };
}
