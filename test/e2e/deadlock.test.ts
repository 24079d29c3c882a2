/** The deadlock scene in a real terminal (tmux): drawn, left with r and q, and by SIGTERM. */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {Terminal, hasTmux, isAlive} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CURSOR_SHOW = '\x1b[?25h';
const CYCLE = 'thread_0 holds A, waits for B → thread_1 holds B, waits for A → thread_0';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
	if (!existsSync(`${root}dist/cli.js`)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe.skipIf(!hasTmux)('threadlab deadlock in a real terminal (tmux)', () => {
	const terminals: Terminal[] = [];
	const open = (args: string[]) => {
		const terminal = new Terminal(['node', 'dist/cli.js', 'deadlock', ...args], {cols: 80, rows: 24, cwd: root});
		terminals.push(terminal);
		return terminal;
	};
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});

	it('at 80×24: the header says so, the rows say who holds what, the cycle reads whole; r runs again; m the next order; q quits', async () => {
		const t = open(['-i', '1000000']);
		const screen = await t.waitFor('deadlock: no thread can move', 8000);
		expect(screen).toContain(CYCLE);
		expect(screen).toContain('thread_0 ○ waiting for B (held by thread_1)');
		expect(screen).toContain('thread_1 ○ waiting for A (held by thread_0)');
		for (const line of t.screen().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		const pid = await t.pid();
		// r stops the deadlocked threads and starts them again: the same process deadlocks anew.
		t.keys('r');
		await t.waitFor('deadlock: no thread can move', 8000, {gone: true});
		await t.waitFor('deadlock: no thread can move', 8000);
		expect(t.processes()).toEqual([pid]);
		// m stops the deadlocked run and runs the next choice of orders: the fix alone finishes.
		t.keys('m');
		await t.waitFor('m order: opposite', 5000);
		await t.waitFor('deadlock: no thread can move', 8000);
		t.keys('m');
		await t.waitFor('m order: ordered', 5000);
		await t.waitFor('deadlock: no thread can move', 5000, {gone: true});
		expect(t.processes()).toEqual([pid]);
		t.keys('q');
		expect(await t.waitForExit(3000)).toBe(0);
		expect(t.processes()).toEqual([]);
	}, 30_000);

	it.each([
		['SIGTERM', 143],
		['SIGINT', 130],
	] as const)(
		'%s on a deadlocked run: exit %i, terminal restored, nothing left running',
		async (signal, code) => {
			const t = open(['--mode', 'opposite', '-i', '1000000']);
			await t.waitFor('deadlock: no thread can move', 8000);
			const pid = await t.pid();
			process.kill(pid, signal);
			for (let waited = 0; isAlive(pid) && waited < 2000; waited += 25) await sleep(25);
			expect(isAlive(pid)).toBe(false);
			expect(await t.waitForExit(2000)).toBe(code);
			expect(t.processes()).toEqual([]);
			expect(await t.waitForRaw(CURSOR_SHOW)).toContain(CURSOR_SHOW);
			expect(t.ttySettings()).toMatch(/(^|\s)echo(\s|$)/);
		},
		20_000,
	);
});
