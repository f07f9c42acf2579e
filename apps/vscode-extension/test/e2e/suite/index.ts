// extensionTestsPath for the real extension host: runs every *.test.cjs bundled next to this file with mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // A test may wait several times (each up to helpers' WAIT_MS): its own limit is well above that, for a loaded 2-core machine.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 600_000, reporter: 'spec' });
  const grep = process.env.JIANBAO_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const name of readdirSync(__dirname).filter((n) => n.endsWith('.test.cjs')).sort()) mocha.addFile(join(__dirname, name));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
