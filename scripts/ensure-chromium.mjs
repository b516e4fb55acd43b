// Makes sure a Chromium is available for the widget and end-to-end tests.
// Quiet when one is found; installs Debian's `chromium` when running as root with apt-get; otherwise explains.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

function found() {
  const path = chromiumPath();
  return path ? path : undefined;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function explain(reason) {
  console.error(
    [
      `No Chromium found (${reason}).`,
      'The widget and end-to-end tests need one. Either install it, e.g.',
      '  sudo apt-get install chromium        (Debian/Ubuntu)',
      'or point HP_CHROMIUM at an existing Chromium or Chrome binary:',
      '  HP_CHROMIUM=/path/to/chromium npm test',
    ].join('\n'),
  );
  process.exit(1);
}

if (!found()) {
  if (process.env.HP_CHROMIUM) {
    console.error(`HP_CHROMIUM=${process.env.HP_CHROMIUM} does not exist.`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) explain('not root, so it cannot be installed automatically');
  if (!hasCommand('apt-get')) explain('apt-get is not available');
  console.log('Chromium is missing; installing Debian package "chromium"…');
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', 'chromium'])) {
    explain('apt-get install chromium failed');
  }
  if (!found()) explain('the chromium package was installed but no binary was found');
  console.log(`Chromium installed: ${found()}`);
}
