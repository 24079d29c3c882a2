// What `npm run bench` was asked for (its command line) and how much of everything it runs.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {has} from './pty.mjs';

export const SECTIONS = ['first-frame', 'render', 'sleep', 'counter', 'memory', 'interleavings', 'gil'];
const USAGE = `usage: node bench/bench.mjs [--quick] [--json] [--node <path>] [--only=${SECTIONS.join(',')}]\n`;
const fail = (line) => {
	process.stderr.write(`bench: ${line}\n`);
	process.exit(2);
};

/**
 * `--node <path>`: the whole bench runs again under that Node, so that everything it measures
 * (threadlab, bare node, the empty workers, and the library in its own process) uses it.
 */
function otherNode(args) {
	const at = args.findIndex((arg) => arg === '--node' || arg.startsWith('--node='));
	if (at === -1) return args;
	const path = args[at] === '--node' ? args[at + 1] : args[at].slice('--node='.length);
	if (!path || path.startsWith('--')) fail('--node needs the path of a Node binary, e.g. --node ~/.cache/threadlab/node-24.22.3/bin/node');
	const rest = [...args.slice(0, at), ...args.slice(at + (args[at] === '--node' ? 2 : 1))];
	if (path === process.execPath) return rest;
	const probe = spawnSync(path, ['-p', 'process.versions.node'], {encoding: 'utf8', timeout: 30_000});
	const version = probe.status === 0 ? probe.stdout.trim() : '';
	if (!/^\d+\.\d+\.\d+/.test(version)) {
		const why = probe.error ? (probe.error.code ?? probe.error.message) : `exit ${probe.status}`;
		fail(`--node ${path}: not a Node binary that runs (${why})`);
	}
	const script = fileURLToPath(new URL('../bench.mjs', import.meta.url));
	const child = spawnSync(path, [script, ...rest], {stdio: 'inherit', env: {...process.env, THREADLAB_BENCH_NODE: path}});
	process.exit(child.status ?? 1);
}

const argv = otherNode(process.argv.slice(2));
let only = new Set(SECTIONS);
for (const arg of argv) {
	if (arg.startsWith('--only=')) {
		only = new Set(arg.slice('--only='.length).split(','));
		for (const name of only) {
			if (!SECTIONS.includes(name)) {
				fail(`unknown section ${name}; the sections are ${SECTIONS.join(', ')}`);
			}
		}
	} else if (!['--quick', '--json', '--help', '-h'].includes(arg)) fail(`unknown argument ${arg}`);
}
if (argv.includes('--help') || argv.includes('-h')) {
	process.stdout.write(USAGE);
	process.exit(0);
}
/** The sections asked for (--only=…), all by default. */
export const ONLY = only;
export const QUICK = argv.includes('--quick');
export const JSON_OUT = argv.includes('--json');

/** The checkout, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = `${ROOT}dist/cli.js`;
export const INDEX = `${ROOT}dist/index.js`;
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

/** The Node binary every child process of the bench runs under (this one: --node re-runs the bench under another). */
export const NODE = process.execPath;
/** The path given with --node, if the bench was re-run under it. */
export const NODE_FLAG = process.env.THREADLAB_BENCH_NODE ?? null;
export const HAS_PYTHON3 = has('python3', ['-c', 'import threading']);

const BENCH_T0 = performance.now();
export const LOAD_START = Math.round(os.loadavg()[0] * 100) / 100;
export const log = (text) => process.stderr.write(`bench: [${((performance.now() - BENCH_T0) / 1000).toFixed(1)} s] ${text}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
