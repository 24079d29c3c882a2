#!/usr/bin/env node
/**
 * The render cost while bars move, early and settled: one `sleepers -s 40` on a pty (100
 * columns, tall enough for every row), whole-process CPU and frames over 3 s from 2 s after
 * the threads start, and again from `--at` seconds. `npm run bench` measures a 2 s sleep's
 * third run, 6-9 s into the process, while V8 is still optimizing a frame's code on its
 * background threads; this shows where it settles.
 *
 *   node bench/steady.mjs [-t 8] [--at 20] [--node <path>]
 */
import {parseArgs} from 'node:util';
import {KeyPty} from './lib/key-pty.mjs';
import {cpuNs} from './lib/proc.mjs';

const {values} = parseArgs({
	options: {threads: {type: 'string', short: 't', default: '8'}, at: {type: 'string', default: '20'}, node: {type: 'string'}},
});
const threads = Number(values.threads);
const at = Number(values.at);
if (!Number.isInteger(threads) || threads < 1 || threads > 256 || !Number.isFinite(at) || at < 6 || at > 35) {
	process.stderr.write('steady: -t must be an integer from 1 to 256, --at a number of seconds from 6 to 35\n');
	process.exit(2);
}
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pty = new KeyPty([values.node ?? process.execPath, cli, 'sleepers', '-t', String(threads), '-s', '40'], {
	cols: 100,
	rows: threads + 16,
});
try {
	if (!(await pty.until(Buffer.from('running ·').toString('latin1'), 180_000, {seen: true}))) throw new Error('the threads did not start');
	let now = 0;
	for (const from of [2, at]) {
		await sleep((from - now) * 1000);
		const [c0, t0, f0] = [cpuNs(pty.pid), performance.now(), pty.frames];
		await sleep(3000);
		const [c1, t1, f1] = [cpuNs(pty.pid), performance.now(), pty.frames];
		now = from + 3;
		const wall = (t1 - t0) * 1e6;
		const percent = (ns) => ((ns / wall) * 100).toFixed(1);
		console.log(
			`${threads} rows, from ${from} s: ${percent(c1.total - c0.total)} % of a core (main thread ${percent(c1.main - c0.main)} %), ` +
				`${((f1 - f0) / 3).toFixed(1)} frames/s, ${((c1.total - c0.total) / 1e6 / (f1 - f0)).toFixed(2)} ms a frame`,
		);
	}
} finally {
	await pty.close();
}
