/**
 * `threadlab gil` from the built binary (dist/cli.js; `npm test` builds it), without a terminal:
 * one line per lane with its time and speed-up, the lesson, `--json`, seeded runs, a missing
 * python3, and the child process ended on every way out.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {type NodeOptions, cli, runNode} from './helpers/run-node.js';

const hasPython = spawnSync('python3', ['-c', 'import threading'], {stdio: 'ignore'}).status === 0;
const threadlab = async (args: string[], env: Record<string, string> = {}, onStdout?: NodeOptions['onStdout']) =>
	runNode([cli, ...args], {env, timeoutMs: 30_000, ...(onStdout ? {onStdout} : {})});
const lines = (text: string) => text.split('\n').slice(0, -1);
const FIGURES = '\\d+\\.\\d\\d s · sequential \\d+\\.\\d\\d s · \\d+\\.\\d\\d×';

beforeAll(() => {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('threadlab gil without a terminal', () => {
	it('prints the calibration, one line per lane with its elapsed time and speed-up, then the lesson', async () => {
		const {code, stdout, stderr} = await threadlab(['gil', '--cpu', '100', '-s', '0.2']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const out = lines(stdout);
		expect(out).toHaveLength(6);
		expect(out[0]).toMatch(/^job: [\d,]+ iterations = 100 ms of one core \(calibrated over \d+ ms\) · \d+ cores?$/);
		expect(out[1]).toMatch(new RegExp(`^CPU-bound, no lock: 4 threads in ${FIGURES}$`));
		expect(out[1]).toContain('sequential 0.40 s');
		expect(out[2]).toMatch(new RegExp(`^CPU-bound under a GIL: 4 threads in ${FIGURES} · \\d+ hand-overs$`));
		expect(out[3]).toMatch(new RegExp(`^I/O-bound under the GIL: 4 threads in ${FIGURES} · \\d+ hand-overs?$`));
		expect(out[3]).toContain('sequential 0.80 s');
		if (hasPython) expect(out[4]).toMatch(new RegExp(`^CPython 3\\.\\d+\\.\\d+ \\(GIL\\): 4 threads in ${FIGURES}$`));
		else expect(out[4]).toBe('CPython: python3 is not on the PATH; this lane did not run');
		const python = hasPython ? '; CPython 3\\.\\d+ \\d+\\.\\d\\d×' : '';
		expect(out[5]).toMatch(
			new RegExp(
				`^CPU-bound: 4 threads \\d+\\.\\d\\d× (faster|\\(slower\\)) on \\d+ cores?; under a GIL \\d+\\.\\d\\d×${python}\\. I/O-bound under the GIL: \\d+\\.\\d\\d× (faster|\\(slower\\))\\.$`,
			),
		);
	});

	it('without python3 on the PATH, one line says so and every other lane runs', async () => {
		const {code, stdout} = await threadlab(['gil', '--cpu', '50', '-s', '0.1', '-t', '2'], {PATH: '/nonexistent'});
		expect(code).toBe(0);
		const out = lines(stdout);
		expect(out).toHaveLength(6);
		expect(out[4]).toBe('CPython: python3 is not on the PATH; this lane did not run');
		expect(out[5]).toMatch(
			/^CPU-bound: 2 threads \d+\.\d\d× (faster|\(slower\)) on \d+ cores?; under a GIL \d+\.\d\d×\. I\/O-bound under the GIL/,
		);
	});

	it('--json: every lane with its threads, elapsed and sequential time, speed-up and hand-overs', async () => {
		const {code, stdout} = await threadlab(['gil', '--cpu', '60', '-s', '0.1', '-t', '3', '--json'], {THREADLAB_PYTHON: 'no-such-python'});
		expect(code).toBe(0);
		const json = JSON.parse(stdout) as Record<string, unknown> & {lanes: Array<Record<string, unknown>>};
		expect(json).toMatchObject({
			scene: 'gil',
			switchMs: 5,
			cpuMs: 60,
			simulated: false,
			calibration: {iterations: expect.any(Number), measuredMs: expect.any(Number)},
			python: {ran: false, why: 'no-such-python is not on the PATH'},
		});
		expect(json.lanes.map((lane) => lane['name'])).toEqual(['cpu', 'gil', 'io']);
		for (const lane of json.lanes) {
			expect(lane).toMatchObject({threads: 3, elapsedMs: expect.any(Number), speedup: expect.any(Number)});
			expect(lane['sequentialMs']).toBe(lane['name'] === 'io' ? 300 : 180);
			expect(lane['speedup']).toBeCloseTo((lane['sequentialMs'] as number) / (lane['elapsedMs'] as number), 2);
		}
		expect(json.lanes[0]).not.toHaveProperty('handovers');
		expect(json.lanes[1]!['handovers']).toBeGreaterThan(0);
		expect(json['summary']).toMatch(/^CPU-bound: 3 threads/);
	});

	it('--seed: the same lines on every run, on 2 simulated cores, and no Python lane', async () => {
		const first = await threadlab(['gil', '--seed', '5', '--cpu', '200']);
		const second = await threadlab(['gil', '--seed', '5', '--cpu', '200']);
		expect(first.stdout).toBe(second.stdout);
		expect(lines(first.stdout)).toEqual([
			expect.stringMatching(/^CPU-bound, no lock: 4 threads in 0\.40 s · sequential 0\.80 s · 2\.0\d×$/),
			expect.stringMatching(/^CPU-bound under a GIL: 4 threads in 0\.8\d s · sequential 0\.80 s · 0\.9\d× · 1[56]\d hand-overs$/),
			expect.stringMatching(/^I\/O-bound under the GIL: 4 threads in 0\.50 s · sequential 2\.00 s · [34]\.\d\d× · \d hand-overs$/),
			"CPython: absent under --seed: Python's threads are real by nature; this lane did not run",
			expect.stringMatching(
				/^CPU-bound: 4 threads 2\.0\d× faster on 2 cores; under a GIL 0\.9\d×\. I\/O-bound under the GIL: [34]\.\d\d× faster\.$/,
			),
		]);
	});

	it('SIGTERM while CPython runs: exit 143, and the python3 child is gone too', async (context) => {
		if (!hasPython) return context.skip('python3 is not on the PATH');
		let child: number | undefined;
		const result = await threadlab(['gil', '--cpu', '1500', '-s', '0.1', '-t', '1'], {}, (text, node) => {
			// The I/O lane's line: CPython starts next. Find it among threadlab's children, then stop threadlab.
			if (child !== undefined || !text.includes('I/O-bound under the GIL')) return;
			const find = setInterval(() => {
				const tasks = spawnSync('sh', ['-c', `cat /proc/${node.pid}/task/*/children`], {encoding: 'utf8'}).stdout;
				const pids = tasks.trim().split(/\s+/).filter(Boolean).map(Number);
				// The interpreter, maybe through a shim that exec'd it (pyenv): known by the lane's script.
				const python = pids.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('import json, os, platform'));
				if (python === undefined) return;
				clearInterval(find);
				child = python;
				node.kill('SIGTERM');
			}, 20);
		});
		expect(result.code).toBe(143);
		expect(child).toBeDefined();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(existsSync(`/proc/${child}`) && !readFileSync(`/proc/${child}/stat`, 'utf8').includes(') Z ')).toBe(false);
	}, 30_000);
});
