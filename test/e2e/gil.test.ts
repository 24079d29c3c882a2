/**
 * `threadlab gil` in a real terminal (tmux) at 80×24, the size a projector leaves: every lane's
 * rows, the GIL's states and holder, the summary, all of it on screen at once; q ends it and
 * its python3 child.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {Terminal, hasTmux} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(() => {
	if (!existsSync(`${root}dist/cli.js`)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe.skipIf(!hasTmux)('threadlab gil in a real terminal (tmux)', () => {
	const terminals: Terminal[] = [];
	afterEach(() => {
		for (const terminal of terminals.splice(0)) terminal.kill();
	});

	it('reads completely at 80×24: header, four lanes of four rows, the GIL changing hands, the lesson; q quits', async () => {
		const t = new Terminal(['node', 'dist/cli.js', 'gil', '--cpu', '300', '-s', '0.3'], {cols: 80, rows: 24, cwd: root});
		terminals.push(t);
		// Lane 2: one row holds the GIL, the others wait for it, and the header names the holder.
		const gil = await t.waitFor(
			/running \(holds the GIL\)[\s\S]*waiting for the GIL|waiting for the GIL[\s\S]*running \(holds the GIL\)/,
			15_000,
		);
		expect(gil).toMatch(/^job: [\d,]+ iterations = 300 ms of one core/m);
		// A capture can come between two writes of a frame: each line is waited for on its own.
		await t.waitFor(/thread_\d holds the GIL · \d+ hand-overs? · switch interval 5 ms/, 5000);
		await t.waitFor(/lane 2 of 4, CPU-bound under a GIL/, 5000);

		// The lesson: in full on two lines, or the short form on one.
		const done = await t.waitFor(/(CPU-bound: \d threads|CPU-bound \d+\.\d\d× on)[\s\S]*I\/O-bound( under the GIL:)? \d+\.\d\d×/, 30_000);
		const lines = t.screen({joined: true}).replace(/\s+$/, '').split('\n');
		for (const line of lines) expect([...line].length, `wider than 80: ${line}`).toBeLessThanOrEqual(80);
		expect(lines.length).toBeLessThanOrEqual(23);
		expect(lines[0]).toMatch(/^threadlab · gil · CPU-bound vs I\/O-bound +real threads/);
		expect(lines.filter((line) => line.includes('threadlab ·'))).toHaveLength(1);
		// Every lane's four rows are on screen: 4 lanes × 4 threads (or 3 lanes and one line without python3).
		const rows = lines.filter((line) => /thread_\d ✔ done/.test(line));
		expect(rows.length === 16 || (rows.length === 12 && done.includes('python3 is not on the PATH'))).toBe(true);
		for (const lane of ['1 CPU-bound', '2 CPU-bound', '3 I/O-bound', '4 CPython']) expect(done).toContain(lane);
		expect(done).toMatch(/\d+\.\d\d s · \d+\.\d\d×/);
		expect(lines.at(-1)).toMatch(/r run again · \? help · q quit/);

		t.keys('q');
		expect(await t.waitForExit(5000)).toBe(0);
		expect(t.processes()).toEqual([]);
	}, 60_000);

	it('q while CPython runs ends threadlab and its python3 child', async (context) => {
		const t = new Terminal(['node', 'dist/cli.js', 'gil', '--cpu', '2000', '-s', '0.1', '-t', '1'], {cols: 80, rows: 24, cwd: root});
		terminals.push(t);
		const screen = await t.waitFor(/lane 4 of 4|python3 is not on the PATH/, 30_000);
		if (screen.includes('python3 is not on the PATH')) return context.skip('python3 is not on the PATH');
		await t.waitFor(/CPython 3\.\d+/, 5000);
		expect(t.processes().length).toBeGreaterThanOrEqual(2);
		t.keys('q');
		expect(await t.waitForExit(5000)).toBe(0);
		expect(t.processes()).toEqual([]);
	}, 60_000);
});
