/**
 * The built binary (dist/cli.js, built by `npm test`) in a real terminal: tmux at a
 * fixed size, real keys, real signals, real resizes. What a presenter would do to it.
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {Terminal, hasTmux, isAlive} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CURSOR_SHOW = '\x1b[?25h';
const CURSOR_HIDE = '\x1b[?25l';
const SLEEPERS_SUMMARY = /elapsed \d+\.\d\d s · sequential would take \d+\.\d\d s · \d+\.\d\d× faster/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
	if (!existsSync(`${root}dist/cli.js`)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe.skipIf(!hasTmux)('threadlab in a real terminal (tmux)', () => {
	const terminals: Terminal[] = [];
	const open = (args: string[], cols: number, rows: number) => {
		const terminal = new Terminal(['node', 'dist/cli.js', ...args], {cols, rows, cwd: root});
		terminals.push(terminal);
		return terminal;
	};
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});

	/** Lines as the program drew them (wrapped lines joined back), trailing blanks dropped. */
	const lines = (t: Terminal) => t.screen({joined: true}).replace(/\s+$/, '').split('\n');
	/** Every line fits the width (nothing wrapped), and the header is drawn exactly once. */
	const expectReadable = (t: Terminal, cols: number) => {
		const drawn = lines(t);
		for (const line of drawn) expect([...line].length, `line wider than ${cols}: ${line}`).toBeLessThanOrEqual(cols);
		expect(drawn[0]).toMatch(/^threadlab · /);
		expect(drawn.filter((line) => line.includes('threadlab ·'))).toHaveLength(1);
	};
	/** Wait until `check` stops throwing. */
	const eventually = async (check: () => void, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			try {
				return check();
			} catch (error) {
				if (Date.now() > deadline) throw error;
				await sleep(25);
			}
		}
	};
	/** The terminal was left as found: cursor shown after the last hide, raw mode off. */
	const expectRestored = async (t: Terminal) => {
		const raw = await t.waitForRaw(CURSOR_SHOW);
		expect(raw).toContain(CURSOR_HIDE);
		expect(raw.lastIndexOf(CURSOR_SHOW)).toBeGreaterThan(raw.lastIndexOf(CURSOR_HIDE));
		const stty = t.ttySettings();
		expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
		expect(stty).toMatch(/(^|\s)echo(\s|$)/);
	};

	it('sleepers at 100×30: header, five thread rows, summary and footer; r reruns; ? shows the cell; q quits', async () => {
		const t = open(['sleepers', '-s', '1'], 100, 30);
		const running = await t.waitFor('thread_4');
		expect(running).toMatch(/sleeping|starting/);
		expect(running).not.toMatch(SLEEPERS_SUMMARY);

		const done = await t.waitFor(SLEEPERS_SUMMARY, 5000);
		expect(done).toMatch(/sequential would take 5\.00 s/);
		const drawn = lines(t);
		expect(drawn[0]).toMatch(/^threadlab · sleepers/);
		for (let i = 0; i < 5; i++) expect(drawn.filter((line) => new RegExp(`^\\s*thread_${i}\\s`).test(line))).toHaveLength(1);
		expect(drawn.filter((line) => /^\s*thread_\d/.test(line))).toHaveLength(5);
		expect(drawn.at(-1)).toMatch(/q quit/);
		expect(done).toContain('thread_4 has woken up from sleep');
		expectReadable(t, 100);

		t.keys('r');
		const rerun = await t.waitFor(SLEEPERS_SUMMARY, 1000, {gone: true});
		expect(rerun).toMatch(/threadlab · sleepers/);
		await t.waitFor(SLEEPERS_SUMMARY, 5000);

		t.keys('?');
		// At least the first line of the cell's code follows its title.
		expect(await t.waitFor('The notebook cell:', 1000)).toMatch(/The notebook cell:\n {2,}\S/);
		t.keys('?');
		await t.waitFor('The notebook cell:', 1000, {gone: true});

		const pid = await t.pid();
		const started = Date.now();
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(0);
		expect(Date.now() - started).toBeLessThan(500);
		expect(isAlive(pid)).toBe(false);
		await expectRestored(t);
	}, 20_000);

	it('while bars move (drawn in place between renders), every row reads whole and agrees with its time and the clock', async () => {
		const t = open(['sleepers', '-s', '3'], 100, 30);
		await t.waitFor(/thread_4 \S+ sleeping/);
		const eighths = ' ▏▎▍▌▋▊▉';
		const clocks: number[] = [];
		for (let capture = 0; capture < 8; capture++) {
			await sleep(200);
			const drawn = lines(t);
			const status = drawn.find((line) => /running · \d/.test(line));
			if (!status) break; // the sleep ended
			const clock = Number(/running · (\d+\.\d) s$/.exec(status)?.[1]);
			clocks.push(clock);
			const main = Number(/^ {2}main .* (\d+\.\d) s$/.exec(drawn.find((line) => line.startsWith('  main'))!)?.[1]);
			// One patch draws both; a capture may fall between two frames' writes.
			expect(Math.abs(main - clock)).toBeLessThanOrEqual(0.1);
			const rows = drawn.filter((line) => /^ {2}thread_\d/.test(line));
			expect(rows).toHaveLength(5);
			for (const row of rows) {
				const match = /^ {2}thread_\d z sleeping ([█▏▎▍▌▋▊▉░]+) (\d\.\d) \/ 3 s$/.exec(row);
				expect(match, row).not.toBeNull();
				const [, bar = '', time = ''] = match!;
				const cells = [...bar];
				const full =
					cells.filter((cell) => cell === '█').length +
					eighths.indexOf(cells.find((cell) => eighths.includes(cell) && cell !== ' ') ?? ' ') / 8;
				// The time is cut to tenths, the bar rounded to eighths: they agree within a tenth of the sleep and a cell.
				expect(Math.abs(full - (Number(time) / 3) * cells.length), row).toBeLessThanOrEqual((0.1 / 3) * cells.length + 1);
			}
		}
		// The screen moved on between captures 200 ms apart.
		expect(clocks.length).toBeGreaterThanOrEqual(4);
		for (let i = 1; i < clocks.length; i++) expect(clocks[i]).toBeGreaterThan(clocks[i - 1]!);
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(0);
	}, 15_000);

	it.each(['q', 'Escape', 'C-c'])(
		'key %s while threads sleep: exit 0 within 500 ms, terminal restored, no process left',
		async (key) => {
			const t = open(['sleepers', '-s', '5'], 100, 30);
			await t.waitFor(/thread_4 \S+ sleeping/);
			const pid = await t.pid();
			const started = Date.now();
			t.keys(key);
			expect(await t.waitForExit(1000)).toBe(0);
			expect(Date.now() - started).toBeLessThan(500);
			expect(isAlive(pid)).toBe(false);
			expect(t.processes()).toEqual([]);
			await expectRestored(t);
		},
		10_000,
	);

	it('a resize to 40×12 and back to 100×30 while running keeps the screen readable', async () => {
		const t = open(['sleepers', '-s', '1.5'], 100, 30);
		await t.waitFor(/thread_4 \S+ sleeping/);
		t.resize(40, 12);
		await eventually(() => {
			expectReadable(t, 40);
			expect(t.screen()).toContain('q quit');
		}, 2000);
		t.resize(100, 30);
		await eventually(() => {
			expectReadable(t, 100);
			expect(lines(t).filter((line) => /^\s*thread_\d/.test(line))).toHaveLength(5);
		}, 2000);
		await t.waitFor(SLEEPERS_SUMMARY, 5000);
		expectReadable(t, 100);
		expect(lines(t).at(-1)).toMatch(/q quit/);
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(0);
	}, 15_000);

	it('at 10×5 nothing wraps, and the full view comes back at 100×30', async () => {
		const t = open(['sleepers', '-s', '1'], 100, 30);
		await t.waitFor('thread_4');
		t.resize(10, 5);
		await t.waitFor(/^(terminal )?too small$/m, 2000);
		for (const line of lines(t)) expect([...line].length).toBeLessThanOrEqual(10);
		expect(t.screen()).not.toContain('thread_');
		t.resize(100, 30);
		await t.waitFor(SLEEPERS_SUMMARY, 5000);
		expectReadable(t, 100);
	}, 10_000);

	// A key typed while the program starts is echoed by the tty (raw mode is not on
	// yet): the first frame must still start at column 0 and leave no stray header.
	it('a key pressed during start-up leaves no stray frame', async () => {
		const t = open(['sleepers', '-s', '0.5'], 100, 30);
		await t.pid();
		t.keys('x');
		await t.waitFor(SLEEPERS_SUMMARY, 5000);
		expectReadable(t, 100);
	}, 10_000);

	it.each([
		['SIGTERM', 143],
		['SIGINT', 130],
		['SIGHUP', 129],
	] as const)(
		'%s during a run: gone within 500 ms, exit %i, cursor shown, no orphan',
		async (signal, code) => {
			const t = open(['sleepers', '-s', '5'], 100, 30);
			await t.waitFor(/thread_4 \S+ sleeping/);
			const pid = await t.pid();
			expect(t.processes()).toEqual([pid]);
			const started = Date.now();
			process.kill(pid, signal);
			await eventually(() => expect(isAlive(pid)).toBe(false), 500);
			expect(Date.now() - started).toBeLessThan(500);
			expect(await t.waitForExit(1000)).toBe(code);
			expect(t.processes()).toEqual([]);
			await expectRestored(t);
		},
		10_000,
	);

	it.each([
		// 60 columns truncate the longer lines with `…`.
		['start', [], /elapsed 0\.\d\d s · start\(\) returned at once · thread1 w/],
		['hello', [], /elapsed 0\.\d\d s · hello at 0\.\d\d s, before thread2 woke/],
		['join', [], /elapsed 0\.\d\d s · hello at 0\.\d\d s, after thread3 woke/],
		['sequential', ['-t', '2'], /elapsed 0\.\d\d s · all at once would take 0\.30 s/],
	] as const)(
		'%s at 60×20 shows its summary line',
		async (scene, extra, summary) => {
			const t = open([scene, ...extra, '-s', '0.3'], 60, 20);
			await t.waitFor(summary, 5000);
			expectReadable(t, 60);
			expect(lines(t)[0]).toMatch(new RegExp(`^threadlab · ${scene}`));
			expect(lines(t).at(-1)).toMatch(/q quit/);
			t.keys('q');
			expect(await t.waitForExit(1000)).toBe(0);
		},
		10_000,
	);
});

describe.skipIf(!hasTmux)('the race and a failing thread in a real terminal (tmux, 100×30)', () => {
	const terminals: Terminal[] = [];
	const open = (command: string[], cols = 100, rows = 30) => {
		const terminal = new Terminal(command, {cols, rows, cwd: root});
		terminals.push(terminal);
		return terminal;
	};
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});
	const lines = (t: Terminal) => t.screen({joined: true}).replace(/\s+$/, '').split('\n');
	/**
	 * Quit with q: exit 0 within a second (far less than the sleeps it must not wait for; 503 ms was
	 * seen at a load average of 46), the process gone, cursor shown, raw mode off.
	 */
	const quit = async (t: Terminal, code = 0) => {
		const pid = await t.pid();
		const started = Date.now();
		t.keys('q');
		expect(await t.waitForExit(1000)).toBe(code);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(isAlive(pid)).toBe(false);
		expect(t.processes()).toEqual([]);
		const raw = await t.waitForRaw(CURSOR_SHOW);
		expect(raw.lastIndexOf(CURSOR_SHOW)).toBeGreaterThan(raw.lastIndexOf(CURSOR_HIDE));
		const stty = t.ttySettings();
		expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
		expect(stty).toMatch(/(^|\s)echo(\s|$)/);
	};

	const RACE_DONE = /unsafe lost \d+\.\d% of its updates in \d+\.\d\d s · mutex exact in \d+\.\d\d s · atomic exact in \d+\.\d\d s/;

	it('race: the lock panel (unsafe, mutex, atomic), a caught collision, the closing line; r reruns; q quits', async () => {
		const t = open(['node', 'dist/cli.js', 'race', '-i', '300']);
		const running = await t.waitFor(/^\S running (unsafe|mutex|atomic) · \d+\.\d s$/m, 5000);
		expect(running).toMatch(/^threadlab · race · a shared counter\b/);
		expect(running).not.toMatch(RACE_DONE);

		const done = await t.waitFor(RACE_DONE, 10_000);
		const drawn = lines(t);
		for (const line of drawn) expect([...line].length, `line wider than 100: ${line}`).toBeLessThanOrEqual(100);
		expect(drawn[0]).toMatch(/^threadlab · race · a shared counter\b/);
		expect(done).toMatch(/^lock panel · 4 threads × 300 increments · 200 µs between read and write$/m);
		// The columns, right-aligned side by side, and every figure under each.
		expect(done).toMatch(/^ {20,}unsafe {10,}mutex {10,}atomic$/m);
		expect(done).toMatch(/^expected +1,200 +1,200 +1,200$/m);
		expect(done).toMatch(/^actual +[\d,]+ +1,200 +1,200$/m);
		expect(done).toMatch(/^lost +[\d,]+ \(\d+\.\d%\) +0 \(0\.0%\) +0 \(0\.0%\)$/m);
		expect(done).toMatch(/^elapsed +\d+\.\d\d s +\d+\.\d\d s +\d+\.\d\d s$/m);
		expect(done).toMatch(/^contended +— +[\d,]+ waited( for the lock)? +—$/m);
		const workers = drawn.filter((line) => /^(workers)? +thread_\d /.test(line));
		expect(workers).toHaveLength(4);
		for (const [i, line] of workers.entries()) expect(line.match(new RegExp(`thread_${i} ✔ done `, 'g'))).toHaveLength(3);
		// One lost update, caught in the act: two threads read the same value and wrote the same value + 1.
		const caught =
			/^caught +((?:thread_\d+, )*thread_\d+) and (thread_\d+) (?:both|all) read (\d+) and wrote (\d+): (?:one update|\d updates) lost$/m.exec(
				done,
			);
		expect(caught, 'the caught line').not.toBeNull();
		expect(caught![1]).not.toBe(caught![2]);
		expect(Number(caught![4])).toBe(Number(caught![3]) + 1);
		expect(drawn.at(-1)).toMatch(/^r run again · m mode: all · w walk through · \? help · q quit$/);

		t.keys('r');
		const rerun = await t.waitFor(RACE_DONE, 2000, {gone: true});
		expect(rerun).toMatch(/^threadlab · race/);
		expect(rerun).toMatch(/^ {20,}unsafe {10,}mutex {10,}atomic$/m);
		await t.waitFor(RACE_DONE, 10_000);

		await quit(t);
	}, 30_000);

	it('a thread that throws: its row shows failed and the message while the others sleep on, then the summary counts it', async () => {
		const t = open(['env', 'THREADLAB_FAIL=thread_1', 'node', 'dist/cli.js', 'sleepers', '-s', '2']);
		// thread_1 fails halfway through its sleep (1 s); the others still sleep.
		const failing = await t.waitFor(/^ +thread_1 \S+ failed +injected failure\b/m, 5000);
		expect(failing).not.toMatch(/^ +thread_[0234] \S+ (failed|done)\b/m);
		for (const other of [0, 2, 3, 4]) expect(failing).toMatch(new RegExp(`^ +thread_${other} \\S+ sleeping `, 'm'));
		expect(failing).toMatch(/^ +main +\S+ joining /m);
		expect(failing).toMatch(/^ +\d+\.\d\d s {2}thread_1 failed: injected failure$/m);

		const done = await t.waitFor(/^1 thread failed · elapsed \d+\.\d\d s · sequential would take 10\.00 s/m, 5000);
		expect(done).toMatch(/^ +thread_1 \S+ failed +injected failure\b/m);
		for (const other of [0, 2, 3, 4]) {
			expect(done).toMatch(new RegExp(`^ +thread_${other} ✔ done `, 'm'));
			expect(done).toContain(`thread_${other} has woken up from sleep`);
		}
		expect(done).toMatch(/^ +main +✔ done /m);
		expect(done).not.toContain('thread_1 has woken up');
		for (const line of lines(t)) expect([...line].length).toBeLessThanOrEqual(100);

		await quit(t);
	}, 20_000);
});

describe('stdout closing under it (EPIPE)', () => {
	it.each([1, 3])(
		'threadlab | head -%i: quiet, exit 0, quick',
		async (n) => {
			const started = Date.now();
			const child = spawn('sh', ['-c', `(node dist/cli.js sleepers -s 0.3; echo "exit $?" >&2) | head -${n}`], {cwd: root});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
			expect(Date.now() - started).toBeLessThan(2500);
			expect(status).toBe(0);
			expect(stderr).toBe('exit 0\n');
			const out = stdout.trimEnd().split('\n');
			expect(out).toHaveLength(n);
			for (const line of out) expect(line).toMatch(/^I am thread_\d\. Going to sleep for 0\.3 seconds$/);
		},
		10_000,
	);
});
