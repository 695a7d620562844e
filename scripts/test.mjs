// npm test: type check, the workers-pool suite (workerd, real local KV), then the
// end-to-end suite (wrangler dev against fixture portals on 127.0.0.1). Ends with one
// plain line "N passed, N failed" over both suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
mkdirSync('test-artifacts', { recursive: true });

let failedSteps = 0;
for (const project of ['tsconfig.json', 'tsconfig.node.json']) {
  console.log(`> tsc --noEmit -p ${project}`);
  if (run('npx', ['tsc', '--noEmit', '-p', project]) !== 0) failedSteps++;
}

let passed = 0;
let failed = 0;
const extra = process.argv.slice(2);
for (const [name, config] of [['workers', 'vitest.config.ts'], ['e2e', 'vitest.e2e.config.ts']]) {
  const out = `test-artifacts/vitest-${name}.json`;
  rmSync(out, { force: true });
  console.log(`> vitest run -c ${config}`);
  const code = run('npx', ['vitest', 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (code !== 0 && r.numFailedTests === 0) failedSteps++; // e.g. a suite that failed to load
  } else if (code !== 0) failedSteps++;
}
if (failedSteps) console.log(`${failedSteps} step(s) failed outside the test counts (type check or a suite that did not run)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || failedSteps ? 1 : 0);
