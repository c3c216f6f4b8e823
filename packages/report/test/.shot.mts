import { writeFileSync } from 'node:fs';
import { openReport, showScope } from '/work/main/packages/report/test/browser.ts';

const r = await openReport(process.argv[2]);
for (const id of [
  'headlines',
  'differences',
  'daily',
  'waits',
  'limits',
  'scenario',
  'provenance',
  'tornado',
]) {
  const loc = r.page.locator(`#${id}`);
  if ((await loc.count()) > 0) await loc.screenshot({ path: `/tmp/sec-${id}.png` });
}
await showScope(r.page, process.argv[3] ?? 'trustA');
await r.page.locator('#headlines').screenshot({ path: '/tmp/shot-org.png' });
writeFileSync('/tmp/shot.pdf', await r.page.pdf({ format: 'A4', preferCSSPageSize: true }));
console.log(JSON.stringify({ requests: r.requests, errors: r.errors }));
await r.close();
