// Sums the test counts that vitest and mocha print into one line, "N passed, M failed",
// so a CI reader sees the total across packages and runners at a glance.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  const vitest = /^\S*\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  const mocha = /^\S*\s+(\d+) (passing|failing)\b/.exec(line);
  if (mocha) {
    if (mocha[2] === 'passing') passed += Number(mocha[1]);
    else failed += Number(mocha[1]);
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
