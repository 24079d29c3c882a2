// What `npm run bench` was asked for (its command line) and how much of everything it runs.
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {existsSync} from 'node:fs';
import {has} from './pty.mjs';

export const SECTIONS = ['first-frame', 'render', 'sleep', 'counter', 'memory', 'interleavings', 'gil'];
const argv = process.argv.slice(2);
let only = new Set(SECTIONS);
for (const arg of argv) {
	if (arg.startsWith('--only=')) {
		only = new Set(arg.slice('--only='.length).split(','));
		for (const name of only) {
			if (!SECTIONS.includes(name)) {
				process.stderr.write(`bench: unknown section ${name}; the sections are ${SECTIONS.join(', ')}\n`);
				process.exit(2);
			}
		}
	} else if (!['--quick', '--json', '--help', '-h'].includes(arg)) {
		process.stderr.write(`bench: unknown argument ${arg}\n`);
		process.exit(2);
	}
}
if (argv.includes('--help') || argv.includes('-h')) {
	process.stdout.write(`usage: node bench/bench.mjs [--quick] [--json] [--only=${SECTIONS.join(',')}]\n`);
	process.exit(0);
}
/** The sections asked for (--only=…), all by default. */
export const ONLY = only;
export const QUICK = argv.includes('--quick');
export const JSON_OUT = argv.includes('--json');

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${root}dist/cli.js`;
export const INDEX = `${root}dist/index.js`;
if (!existsSync(CLI) || !existsSync(INDEX)) {
	process.stderr.write('bench: dist/ is missing; run `npm run build` first (`npm run bench` does)\n');
	process.exit(1);
}

/** How much of everything: the full run, or the smoke test's. */
export const P = QUICK
	? {
			firstFrameRuns: 3,
			renderRuns: 1,
			renderSettleMs: 400,
			renderWindowMs: 1000,
			sleepRuns: 1,
			sleepSeconds: 0.5,
			counterRuns: 1,
			increments: 100_000,
			interleavingRuns: 1,
			interleavingBudgetMs: 2000,
			gilRuns: 1,
			gilCpuMs: 100,
		}
	: {
			firstFrameRuns: 10,
			renderRuns: 3,
			renderSettleMs: 10000,
			renderWindowMs: 10000,
			sleepRuns: 3,
			sleepSeconds: 2,
			counterRuns: 3,
			increments: 1_000_000,
			interleavingRuns: 3,
			interleavingBudgetMs: 10000,
			gilRuns: 5,
			gilCpuMs: 500,
		};
export const FIRST_FRAME_SIZE = {cols: 100, rows: 30};
export const RENDER_ROWS = [8, 64, 256];
export const MEMORY_THREADS = [1, 64, 256];
export const COUNTER_THREADS = 4;
export const SLEEPERS = 5;
export const FPS = 30;

/** The Node binary every child process of the bench runs under. */
export const NODE = process.execPath;
export const HAS_PYTHON3 = has('python3', ['-c', 'import threading']);

const BENCH_T0 = performance.now();
export const LOAD_START = Math.round(os.loadavg()[0] * 100) / 100;
export const log = (text) => process.stderr.write(`bench: [${((performance.now() - BENCH_T0) / 1000).toFixed(1)} s] ${text}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
