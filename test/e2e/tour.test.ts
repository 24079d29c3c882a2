/** The tour in a real terminal at 80×24, walked by keys as a speaker would. */
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {Terminal, hasTmux} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!hasTmux)('threadlab tour in tmux at 80×24', () => {
	let terminal: Terminal | undefined;
	afterEach(() => terminal?.kill());

	const fits = (t: Terminal) => {
		const lines = t.screen({joined: true}).replace(/\s+$/, '').split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
	};

	it('walks forward and back through the lessons, then quits cleanly', async () => {
		const t = new Terminal(['node', 'dist/cli.js', 'tour', '-s', '0.3', '-t', '3', '-i', '200', '--cpu', '100'], {
			cols: 80,
			rows: 24,
			cwd: root,
		});
		terminal = t;
		await t.waitFor('threadlab tour · 1/13 · What is a thread?');
		fits(t);
		t.keys('Right');
		await t.waitFor('2/13 · the GIL');
		await t.waitFor(/1 CPU-bound, no lock +\S+ \d+\.\d\d s · \d+\.\d\d×/, 10_000);
		fits(t);
		t.keys('n');
		await t.waitFor('3/13 · thread.start()');
		await t.waitFor(/thread1 woke at 0\.3\d s/);
		t.keys('n');
		await t.waitFor(/hello at 0\.\d\d s, before thread2 woke/);
		t.keys('Space');
		await t.waitFor(/hello at 0\.3\d s, after thread3 woke/);
		fits(t);
		t.keys('Left');
		await t.waitFor('4/13 · concurrency');
		t.keys('r');
		await t.waitFor(/before thread2 woke/);
		for (let slide = 5; slide <= 8; slide++) t.keys('n');
		await t.waitFor('8/13 · a shared counter');
		await t.waitFor(/caught\s+thread_\d(, thread_\d)* and thread_\d (both|all) read \d+/);
		fits(t);
		t.keys('n', 'n', 'n');
		await t.waitFor('11/13 · every interleaving');
		await t.waitFor('only 20 (2.1%) end at 6');
		t.keys('n');
		await t.waitFor('12/13 · a deadlock');
		fits(t);
		t.keys('n');
		await t.waitFor('13/13 · what we measured');
		await t.waitFor(/unsafe: lost [\d,]+ of 600 updates/);
		t.keys('q');
		expect(await t.waitForExit(2000)).toBe(0);
	}, 40_000);
});
