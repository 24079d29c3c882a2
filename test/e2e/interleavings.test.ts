/**
 * The interleavings scene in a real terminal (tmux, the built dist/cli.js): the presenter
 * steps the smallest outcome's first schedule to its lost updates, picks another bar, and
 * the real runs fill their column, at 80×24 and at 100×30.
 */
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {Terminal, hasTmux} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!hasTmux)('interleavings in a real terminal', () => {
	let terminal: Terminal | undefined;
	afterEach(() => terminal?.kill());
	const open = (args: string[], cols: number, rows: number) => {
		terminal = new Terminal(['node', 'dist/cli.js', 'interleavings', ...args], {cols, rows, cwd: root});
		return terminal;
	};
	const fits = (t: Terminal, cols: number, rows: number) => {
		const lines = t.screen({joined: true}).replace(/\s+$/, '').split('\n');
		expect(lines.length).toBeLessThan(rows);
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(cols);
		expect(lines.filter((line) => line.startsWith('threadlab · interleavings'))).toHaveLength(1);
	};

	it('at 80×24: steps a schedule to its lost update, then another bar and another schedule', async () => {
		const t = open(['--runs', '30'], 80, 24);
		await t.waitFor('schedule 1 of 8 ending at 2 · step 0/12', 15_000);
		fits(t, 80, 24);
		// The smallest first: 2 threads × 3 increments can end at 2. Step until a write erases updates.
		for (let step = 1; step <= 6; step++) {
			t.keys('s');
			await t.waitFor(`step ${step}/12`);
		}
		// Schedule 1 of 8: thread_0 reads 0, thread_1 reads 0, thread_0 writes 1, reads 1, writes 2, reads 2...
		await t.waitFor(/thread_1 wrote 1, erasing thread_0's update and one before it: two are lost/);
		expect(t.screen()).toContain('counter 1 · lost 2');
		expect(t.screen()).toMatch(/> thread_1 {2}r=0 {3}2\/6/);
		fits(t, 80, 24);
		t.keys('n');
		await t.waitFor('schedule 2 of 8 ending at 2 · step 0/12');
		t.keys('Down');
		await t.waitFor('schedule 1 of 300 ending at 3 · step 0/12');
		// The real column fills in: 30 unsafe races on real workers.
		await t.waitFor('counted · real runs 30/30', 30_000);
		t.keys('q');
		expect(await t.waitForExit(5000)).toBe(0);
	}, 60_000);

	it('at 100×30: 4 threads × 4 increments, every bar of 15 drawn', async () => {
		const t = open(['-t', '4', '-i', '4', '--runs', '0'], 100, 30);
		await t.waitFor('schedule 1 of 63,069,325,174,944 ending at 2', 20_000);
		fits(t, 100, 30);
		expect(t.screen()).toMatch(/^> +2 /m);
		expect(t.screen()).toMatch(/^ +16 .* 63,063,000 +<0\.1%$/m);
		t.keys('?');
		await t.waitFor('another schedule with the same final value');
		t.keys('?', 'Up', 's');
		await t.waitFor('thread_0 read 0');
		t.keys('q');
		expect(await t.waitForExit(5000)).toBe(0);
	}, 60_000);
});
