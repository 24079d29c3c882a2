/** Reliability without a terminal: a full stdout, a C locale, --ascii everywhere, a huge seeded run stopped. */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli, root, runNode, PLAIN_ENV} from './helpers/run-node.js';

const NON_ASCII = /[^\x00-\x7f]/;

describe('stdout that cannot be written (/dev/full)', () => {
	it.each([[['hello', '-s', '0.1', '--json']], [['hello', '-s', '0.1']], [['--help']], [['--version']]])(
		'%j >/dev/full: one line naming the cause, exit 1',
		(args) => {
			const result = spawnSync(process.execPath, [cli, ...args], {
				cwd: root,
				env: PLAIN_ENV,
				stdio: ['ignore', 'pipe', 'pipe'],
				encoding: 'utf8',
				timeout: 10_000,
			});
			expect(result.status).toBe(0); // the pipe took it: a positive control for the check below
			const full = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" "$@" >/dev/full`, 'sh', ...args], {
				cwd: root,
				env: PLAIN_ENV,
				encoding: 'utf8',
				timeout: 10_000,
			});
			expect(full.stderr).toBe('threadlab: cannot write to stdout: no space left on device (ENOSPC)\n');
			expect(full.status).toBe(1);
		},
	);
});

describe('ASCII only', () => {
	it.each([
		['--ascii, piped', ['race', '-i', '100', '--ascii'], {}],
		['--ascii, the piped tour', ['tour', '-s', '0.1', '-t', '2', '-i', '50', '--seed', '1', '--ascii'], {}],
		['LANG=C', ['sleepers', '-t', '2', '-s', '0.1'], {LANG: 'C'}],
		['LC_ALL=POSIX over a UTF-8 LANG', ['race', '-i', '50', '--seed', '1', '--frames', '0.2'], {LC_ALL: 'POSIX', LANG: 'en_US.UTF-8'}],
		['--ascii frames of the dashboard', ['dashboard', '-s', '1', '-i', '200', '--seed', '2', '--frames', '0.1,0.5,3', '--ascii'], {}],
	])('%s: not one byte outside ASCII', async (_what, args, env) => {
		const {code, stdout, stderr} = await runNode([cli, ...args], {env, timeoutMs: 20_000});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout.length).toBeGreaterThan(100);
		expect(stdout).not.toMatch(NON_ASCII);
	});

	it('a UTF-8 locale keeps the Unicode glyphs (the control for the cases above)', async () => {
		const {stdout} = await runNode([cli, 'race', '-i', '50', '--seed', '1', '--frames', '0.2'], {
			env: {LANG: 'C.UTF-8'},
			timeoutMs: 10_000,
		});
		expect(stdout).toMatch(NON_ASCII);
	});

	it('a seeded recording with --ascii: header and every frame in ASCII', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'threadlab-ascii-')), 'race.cast');
		const {code} = await runNode([cli, 'race', '-i', '100', '--seed', '1', '--ascii', '--record', path], {timeoutMs: 20_000});
		expect(code).toBe(0);
		const cast = readFileSync(path, 'utf8');
		expect(JSON.parse(cast.split('\n')[0]!).title).toBe('threadlab race - seed 1');
		// JSON escapes nothing above U+007F: any non-ASCII character would be here as itself.
		expect(cast).not.toMatch(NON_ASCII);
	});
});

describe('a seeded run too large to finish', () => {
	it('--frames far ahead: SIGTERM stops it within 500 ms (the simulation yields), memory stays bounded', async () => {
		const child = spawn(process.execPath, [cli, 'race', '-t', '256', '-i', '100000000', '--seed', '1', '--frames', '86400'], {
			cwd: root,
			env: PLAIN_ENV,
			stdio: 'ignore',
		});
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
		expect(rss).toBeLessThan(300);
		const killed = performance.now();
		child.kill('SIGTERM');
		const code = await new Promise((resolve) => child.on('close', (status, signal) => resolve(status ?? signal)));
		expect(performance.now() - killed).toBeLessThan(500);
		expect(code).toBe(143);
	});
});
