// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, largest first.
//   node benchmarks/profile-summary.mjs <file.cpuprofile | directory> [rows=25]
// Given a directory (tsx writes one profile per thread), it reads the busiest profile in it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node benchmarks/profile-summary.mjs <file.cpuprofile> [rows]');
  process.exit(1);
}
const busy = (p) => {
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  return p.samples.filter((id) => !idle.has(id)).length;
};
const candidates = statSync(file).isDirectory()
  ? readdirSync(file)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => JSON.parse(readFileSync(join(file, f), 'utf8')))
  : [JSON.parse(readFileSync(file, 'utf8'))];
const profile = candidates.reduce((a, b) => (busy(b) > busy(a) ? b : a));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
const dts = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const f = node.callFrame;
  const where = f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`;
  selfUs.set(key, (selfUs.get(key) ?? 0) + (dts[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const rows = [...selfUs.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg ?? 25));
console.log(`total ${(total / 1e6).toFixed(3)} s sampled`);
for (const [key, us] of rows) {
  console.log(
    `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${key}`,
  );
}
