import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run demo:server', () => {
  it('serves on the PORT it is given and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-server.ts'], {
      env: { ...process.env, PORT: '0', DEMO_SEED: '11', DEMO_INCIDENT_START: String(Date.UTC(2025, 0, 1)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:\d+) \(seed 11\)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    expect(output).toContain('payment-provider-timeout from 2025-01-01T00:00:00.000Z');
    const res = await fetch(`${url}/-/healthy`);
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
