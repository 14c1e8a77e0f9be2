import { chromium } from '@playwright/test';
const [url, out, w, h, wait, click] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--no-first-run'] });
const p = await b.newPage({ viewport: { width: Number(w ?? 1920), height: Number(h ?? 1080) } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(url);
await p.waitForTimeout(Number(wait ?? 12000));
if (click) { await p.getByRole('tab', { name: click }).click(); await p.waitForTimeout(8000); }
console.log((await p.locator('body').innerText()).slice(0, 300).replace(/\n/g, ' | '));
await p.screenshot({ path: out });
await b.close();
