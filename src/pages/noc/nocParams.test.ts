import { describe, expect, it } from 'vitest';
import { DEFAULT_BOARD, type WallConfig } from '../../model/board';
import { parseNocParams, resolveScreen, urlBoard } from './nocParams';

const WALL: WallConfig = { boards: [{ id: 'ops', title: 'Ops', services: ['orders'], refreshMs: 10_000 }, { id: 'payments', title: 'Payments board', refreshMs: 30_000 }] };
const params = (q: string) => parseNocParams(new URLSearchParams(q));

describe('the board of /noc?board=', () => {
  it('is the named config board, narrowed by ?services=, else every service', () => {
    const problems: string[] = [];
    expect(urlBoard(params('board=ops'), WALL, problems).id).toBe('ops');
    expect(urlBoard(params('board=ops&services=a,b'), WALL, problems).services).toEqual(['a', 'b']);
    expect(urlBoard(params(''), WALL, problems)).toBe(DEFAULT_BOARD);
    expect(urlBoard(params('board=services'), WALL, problems)).toBe(DEFAULT_BOARD);
    expect(problems).toEqual([]);
  });

  it('names an unknown board and falls back to every service', () => {
    const problems: string[] = [];
    expect(urlBoard(params('board=nope'), undefined, problems)).toBe(DEFAULT_BOARD);
    expect(problems).toEqual(['board="nope" is not a board in config.json (it defines no boards); showing all services']);
  });

  it('leaves the refresh to the board unless the URL gives one', () => {
    expect(params('board=ops').refreshMs).toBeUndefined();
    expect(params('refresh=5s').refreshMs).toBe(5000);
    expect(params('refresh=banana').problems).toEqual(['refresh="banana" is not a duration between 1s and 60m; using the default']);
  });
});

describe('playlist entries', () => {
  it('are the URL board ("board"), config boards by id, the built-in board ("services"), or service dashboards', () => {
    const ops = WALL.boards[0]!;
    expect(resolveScreen('board', ops, WALL)).toEqual({ kind: 'board', board: ops });
    expect(resolveScreen('payments', ops, WALL)).toEqual({ kind: 'board', board: WALL.boards[1] });
    expect(resolveScreen('services', ops, WALL)).toEqual({ kind: 'board', board: DEFAULT_BOARD });
    expect(resolveScreen('orders', ops, WALL)).toEqual({ kind: 'service', service: 'orders' });
    expect(resolveScreen('payments', DEFAULT_BOARD, undefined)).toEqual({ kind: 'service', service: 'payments' });
  });
});
