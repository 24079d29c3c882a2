/**
 * Smoke test of `npm run bench` (bench/bench.mjs on the built dist/, which `npm test`
 * builds first): one `--quick --json` run prints every row with a number and, where the
 * issue sets one, a goal and whether it holds. Timing goals are not asserted here.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {root, runNode} from './helpers/run-node.js';

interface Row {
	id: string;
	label: string;
	unit: string;
	min: number | null;
	median: number | null;
	max: number | null;
	runs: number;
	goal: string | null;
	holds: boolean | null;
	skipped?: string;
}

interface Report {
	quick: boolean;
	machine: {nproc: number; cpu: string; node: string; nodePath: string; nodeFlag: string | null};
	rows: Row[];
}

const works = (command: string, args: string[]) => spawnSync(command, args, {stdio: 'ignore'}).status === 0;
const hasPython = works('python3', ['-c', 'import pty, threading']);
const hasPty = hasPython || (works('script', ['--version']) && works('stty', ['--version']));

/** Rows that need a pseudo-terminal, and rows that compare with python3. */
const PTY_ROWS = [
	'firstFrame.bare',
	'firstFrame.bareExit',
	'firstFrame.installedCold',
	'firstFrame.installedWarm',
	'firstFrame.installedComplete',
	'firstFrame.app',
	'firstFrame.ratio',
	'firstFrame.ratioCold',
	'render.rows8',
	'render.rows64',
	'render.rows256',
	'memory.threads1',
	'memory.threads64',
	'memory.threads256',
	'memory.perThread',
	'memory.emptyWorker',
	'memory.overhead',
];
/** Measured only where this machine sets NODE_EXTRA_CA_CERTS. */
const CERTS_ROWS = ['firstFrame.bareCerts', 'firstFrame.ratioCerts'];
const PYTHON_ROWS = [
	'sleep.python',
	'sleep.pythonWake',
	'counter.pythonUnsafe',
	'counter.pythonLock',
	'counter.mutexVsLock',
	'counter.atomicVsLock',
	'gil.python',
];
const OTHER_ROWS = [
	'sleep.node',
	'sleep.nodeWake',
	'counter.unsafe',
	'counter.mutex',
	'counter.atomic',
	'counter.mutexAlone',
	'interleavings.count3x3',
	'interleavings.count4x2',
	'interleavings.count4x4',
	'interleavings.largest',
	'gil.cores',
	'gil.cpu',
	'gil.gil',
	'gil.io',
	'gil.alone',
	'gil.handoversPerSec',
	'gil.lost',
	'gil.lostCpu',
];
/** The goals: each of these rows carries one. */
const GOAL_ROWS = [
	'firstFrame.ratio',
	'render.rows8',
	'render.rows256',
	'sleep.node',
	'counter.mutex',
	'counter.atomic',
	'counter.mutexVsLock',
	'counter.atomicVsLock',
	'memory.perThread',
	'memory.overhead',
	'interleavings.count3x3',
	'interleavings.count4x2',
	'gil.cpu',
	'gil.gil',
	'gil.io',
];

/** The bench in its own environment (it strips what would change Ink's output itself). */
const runBench = async () => runNode(['bench/bench.mjs', '--quick', '--json'], {env: process.env, timeoutMs: 110_000});

beforeAll(() => {
	if (!existsSync(`${root}dist/cli.js`)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('npm run bench', () => {
	it('--quick --json prints every row with a number and its goal', async () => {
		const {code, stdout, stderr} = await runBench();
		expect(code, stderr).toBe(0);
		const report = JSON.parse(stdout) as Report;
		expect(report.quick).toBe(true);
		expect(report.machine.nproc).toBeGreaterThan(0);
		expect(report.machine.node).toBe(process.version);
		expect(report.machine.nodePath).toBe(process.execPath);

		const ids = report.rows.map((row) => row.id);
		expect(new Set(ids).size, 'row ids are unique').toBe(ids.length);
		for (const id of [...PTY_ROWS, ...CERTS_ROWS, ...PYTHON_ROWS, ...OTHER_ROWS]) {
			const row = report.rows.find((r) => r.id === id);
			expect(row, `row ${id}`).toBeDefined();
			if (!row) continue;
			expect(row.label.length, id).toBeGreaterThan(0);
			const mayBeSkipped =
				((PTY_ROWS.includes(id) || CERTS_ROWS.includes(id)) && !hasPty) ||
				(CERTS_ROWS.includes(id) && !process.env['NODE_EXTRA_CA_CERTS']) ||
				(PYTHON_ROWS.includes(id) && !hasPython);
			if (row.skipped !== undefined) {
				expect(mayBeSkipped, `${id} skipped: ${row.skipped}`).toBe(true);
			} else {
				for (const key of ['min', 'median', 'max'] as const) {
					expect(typeof row[key], `${id}.${key}`).toBe('number');
					expect(Number.isFinite(row[key]), `${id}.${key}`).toBe(true);
				}
				expect(row.min!).toBeLessThanOrEqual(row.median!);
				expect(row.median!).toBeLessThanOrEqual(row.max!);
				expect(row.runs, id).toBeGreaterThan(0);
			}
			if (GOAL_ROWS.includes(id)) {
				expect(row.goal, `${id} goal`).toMatch(/^[≤≥] /);
				if (row.skipped === undefined) expect(typeof row.holds, `${id} holds`).toBe('boolean');
			}
		}
		// Figures a broken measurement would get wrong, whatever the machine.
		const median = (id: string) => report.rows.find((r) => r.id === id)?.median ?? null;
		const sleepRatio = median('sleep.node');
		expect(sleepRatio).toBeGreaterThanOrEqual(1);
		expect(sleepRatio).toBeLessThan(1.5);
		// Sleepers under the GIL overlap however busy the machine is, and the GIL changes hands. (The CPU
		// lanes' speed-ups depend on the calibration's core: test/engine/gil.test.ts judges them.)
		expect(median('gil.io')!).toBeGreaterThan(3);
		expect(median('gil.handoversPerSec')!).toBeGreaterThan(0);
		if (hasPty) {
			expect(median('firstFrame.app')!).toBeGreaterThan(median('firstFrame.bare')! * 0.5);
			// The installed copy is a real install: it draws a frame, and its first run compiles what a warm one reads.
			expect(median('firstFrame.installedWarm')!).toBeGreaterThan(median('firstFrame.bare')! * 0.5);
			expect(median('memory.threads256')!).toBeGreaterThan(median('memory.threads1')!);
			expect(median('render.rows8')!).toBeGreaterThan(0);
		}
	}, 120_000);
});

describe('npm run bench -- --node <path>', () => {
	it('a path that is not a Node binary is one line naming --node, and exit 2', async () => {
		const missing = join(tmpdir(), 'threadlab-bench-no-such-node');
		const {code, stdout, stderr} = await runNode(['bench/bench.mjs', '--node', missing, '--quick'], {env: process.env, timeoutMs: 30_000});
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bench: --node .*threadlab-bench-no-such-node: not a Node binary/)]);
		const bare = await runNode(['bench/bench.mjs', '--node'], {env: process.env, timeoutMs: 30_000});
		expect(bare.code).toBe(2);
		expect(bare.stderr).toMatch(/^bench: --node needs the path of a Node binary/);
	});

	it('re-runs the whole bench under the Node given: the report names it, the library section ran under it', async () => {
		// Another path to this same Node: the bench cannot tell it is the running one, so it re-runs under it.
		const folder = mkdtempSync(join(tmpdir(), 'threadlab-bench-node-'));
		try {
			const other = join(folder, 'node');
			symlinkSync(process.execPath, other);
			const {code, stdout, stderr} = await runNode(['bench/bench.mjs', '--node', other, '--quick', '--json', '--only=interleavings'], {
				env: process.env,
				timeoutMs: 60_000,
			});
			expect(code, stderr).toBe(0);
			const report = JSON.parse(stdout) as Report;
			expect(report.machine.nodeFlag).toBe(other);
			expect(report.machine.node).toBe(process.version);
			expect(report.rows.map((row) => row.id)).toContain('interleavings.count3x3');
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	}, 70_000);
});
