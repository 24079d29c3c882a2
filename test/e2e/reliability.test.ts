/**
 * What an impatient or unlucky user does to the built binary in a real terminal (tmux): closes
 * the window, suspends it, gives it no keyboard, a dumb terminal, a tiny window, a huge seeded
 * run. Each case failed before the fix it guards.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {root} from '../helpers/run-node.js';
import {Terminal, hasTmux, isAlive} from '../helpers/terminal.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CURSOR_SHOW = '\x1b[?25h';
const hasPython = (() => {
	try {
		execFileSync('python3', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

/** Runs a command with SIGHUP ignored itself, its child with the default, and writes the child's exit status (128 + signal) and stderr. */
const WRAPPER = `
import signal, subprocess, sys
signal.signal(signal.SIGHUP, signal.SIG_IGN)
with open(sys.argv[1], 'w') as err:
    child = subprocess.Popen(sys.argv[3:], stderr=err, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
    code = child.wait()
open(sys.argv[2], 'w').write(str(128 - code if code < 0 else code))
`;

/** RSS of a process in MB, from /proc. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe.skipIf(!hasTmux)('reliability in a real terminal (tmux)', () => {
	const terminals: Terminal[] = [];
	const open = (command: string[], cols = 80, rows = 24, cwd = root) => {
		const terminal = new Terminal(command, {cols, rows, cwd});
		terminals.push(terminal);
		return terminal;
	};
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});

	it.skipIf(!hasPython).each([['sleepers', '-s', '5'], ['race', '-i', '20000'], ['tour']])(
		'closing the window during %s: exit 129 (hang-up), no native stack, no core file',
		async (...args) => {
			const dir = mkdtempSync(join(tmpdir(), 'threadlab-hup-'));
			writeFileSync(join(dir, 'wrap.py'), WRAPPER);
			const [errFile, statusFile] = [join(dir, 'err'), join(dir, 'status')];
			// Core files on, as a user with `ulimit -c unlimited` has them: a crash would leave one in `dir`.
			const t = open(
				['sh', '-c', `ulimit -c unlimited 2>/dev/null; exec python3 wrap.py err status node ${root}dist/cli.js "$@"`, 'sh', ...args],
				80,
				24,
				dir,
			);
			await t.waitFor(/threadlab/, 5000);
			await sleep(300);
			t.hangUp();
			for (let i = 0; i < 100 && !existsSync(statusFile); i++) await sleep(50);
			expect(readFileSync(statusFile, 'utf8')).toBe('129');
			const stderr = readFileSync(errFile, 'utf8');
			expect(stderr).not.toMatch(/Assertion|Native stack|ResetStdio/);
			expect(readdirSync(dir).filter((name) => name.startsWith('core'))).toEqual([]);
		},
		15_000,
	);

	it('stopped and continued (kill -STOP, the shell puts the terminal back in cooked mode, fg): raw mode again, q quits', async () => {
		const t = open(['node', 'dist/cli.js', 'sleepers', '-s', '30']);
		await t.waitFor(/thread_4 z sleeping/);
		const pid = await t.pid();
		process.kill(pid, 'SIGSTOP');
		await sleep(100);
		t.ttySane();
		expect(t.ttySettings()).toMatch(/(^|\s)icanon(\s|$)/);
		process.kill(pid, 'SIGCONT');
		await sleep(300);
		expect(t.ttySettings()).toMatch(/(^|\s)-icanon(\s|$)/);
		// The screen was drawn anew: one header, at the top.
		expect(t.screen().split('\n')[0]).toMatch(/^threadlab · sleepers/);
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(0);
	}, 10_000);

	it.each([
		['stdin from /dev/null', 'node dist/cli.js hello -s 0.3 < /dev/null'],
		['stdin a pipe with q in it', 'echo q | node dist/cli.js hello -s 0.3'],
		['stdin closed', 'node dist/cli.js hello -s 0.3 <&-'],
	])(
		'%s, stdout a terminal: the scene runs, no raw-mode error, and it leaves by itself (exit 0)',
		async (_what, command) => {
			const t = open(['sh', '-c', command]);
			expect(await t.waitForExit(5000)).toBe(0);
			const screen = t.screen();
			expect(screen).toMatch(/hello at 0\.\d\d s, before thread2 woke/);
			expect(screen).not.toMatch(/Raw mode|ERROR/);
		},
		10_000,
	);

	it('TERM=dumb: plain lines as for a pipe, no cursor movement', async () => {
		const t = open(['env', 'TERM=dumb', 'node', 'dist/cli.js', 'hello', '-s', '0.2']);
		expect(await t.waitForExit(5000)).toBe(0);
		expect(t.screen()).toContain('I am thread2. Going to sleep for 0.2 seconds');
		// eslint-disable-next-line no-control-regex
		expect(t.raw()).not.toMatch(/\x1b\[(\d*[ABGHJK]|\?25[lh])/);
	}, 10_000);

	it('stderr redirected to a file: the cursor escape goes to the terminal, not into the file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'threadlab-stderr-'));
		const t = open(['sh', '-c', `node dist/cli.js hello -s 0.2 2>${dir}/err`]);
		await t.waitFor(/hello at/);
		t.keys('q');
		expect(await t.waitForExit(2000)).toBe(0);
		expect(readFileSync(`${dir}/err`, 'utf8')).toBe('');
		expect(await t.waitForRaw(CURSOR_SHOW)).toContain(CURSOR_SHOW);
	}, 10_000);

	it.each([
		[300, 2],
		[19, 30],
	])(
		'at %i×%i: "terminal too small" (or "too small"), never a blank screen',
		async (cols, rows) => {
			const t = open(['node', 'dist/cli.js', 'sleepers'], cols, rows);
			await t.waitFor(/too small/);
			t.keys('q');
			expect(await t.waitForExit(2000)).toBe(0);
		},
		10_000,
	);

	it('the tour at 40×12 keeps its header and its footer', async () => {
		const t = open(['node', 'dist/cli.js', 'tour'], 40, 12);
		await t.waitFor(/q /);
		const lines = t.screen().split('\n');
		expect(lines[0]).toMatch(/^thread/);
		expect(lines.some((line) => /← back/.test(line))).toBe(true);
		t.keys('q');
		expect(await t.waitForExit(2000)).toBe(0);
	}, 10_000);

	it('a seeded race of 256 threads × 100,000,000 increments: live, memory bounded, and q quits within 500 ms', async () => {
		const t = open(['node', 'dist/cli.js', 'race', '-t', '256', '-i', '100000000', '--seed', '1'], 100, 30);
		await t.waitFor(/running unsafe/, 10_000);
		const pid = await t.pid();
		const samples: number[] = [];
		for (let i = 0; i < 8; i++) {
			await sleep(500);
			samples.push(rssMb(pid));
		}
		expect(Math.max(...samples), `RSS ${samples.map(Math.round).join(', ')} MB`).toBeLessThan(300);
		const started = Date.now();
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(0);
		expect(Date.now() - started).toBeLessThan(500);
		expect(isAlive(pid)).toBe(false);
	}, 20_000);
});
