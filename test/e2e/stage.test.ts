/** Stage-ready in a real terminal (tmux) at 80×24: the lost update, stepped live with w and s. */
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {Terminal, hasTmux} from '../helpers/terminal.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!hasTmux)('stepping a lost update at 80×24', () => {
	let terminal: Terminal | undefined;
	afterEach(() => terminal?.kill());

	it('race on real threads: every worker on screen, then w replays it paused and s narrates each step', async () => {
		const t = new Terminal(['node', 'dist/cli.js', 'race', '--mode', 'unsafe'], {cols: 80, rows: 24, cwd: root});
		terminal = t;
		await t.waitFor(/^caught /m, 20_000);
		const screen = t.screen({joined: true});
		for (const name of ['thread_0', 'thread_1', 'thread_2', 'thread_3']) expect(screen).toContain(name);
		expect(screen).not.toContain('…');
		t.keys('w');
		await t.waitFor('simulated · seed 1 · paused');
		// A lost update within the first few dozen steps: read, work, write of four threads.
		for (let step = 0; step < 80 && !/erasing/.test(t.screen({joined: true})); step++) {
			t.keys('s');
			await new Promise((resolve) => setTimeout(resolve, 60));
		}
		await t.waitFor(/thread_\d wrote \d+, erasing thread_\d's update: (one is|\d are) lost/, 5_000);
		expect(t.screen({joined: true})).not.toContain('…');
		t.keys('q');
		expect(await t.waitForExit(3000)).toBe(0);
	}, 60_000);

	it('--seed --paused: nothing runs until a key', async () => {
		const t = new Terminal(['node', 'dist/cli.js', 'race', '--seed', '1', '--paused'], {cols: 80, rows: 24, cwd: root});
		terminal = t;
		await t.waitFor('simulated · seed 1 · paused');
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(t.screen({joined: true})).toMatch(/^actual +· +· +·$/m);
		t.keys('s');
		await t.waitFor(/running unsafe · 0\.0000 s · thread_\d read 0/);
		t.keys('q');
		expect(await t.waitForExit(3000)).toBe(0);
	}, 30_000);
});
