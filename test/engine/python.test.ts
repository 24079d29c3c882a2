/**
 * The gil scene's fourth lane: CPython's own threads, in a child process reporting JSON lines.
 * Run when python3 is on the PATH (skipped, saying so, when it is not); its absence is tested
 * with an interpreter that does not exist, wherever this runs.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {prepareRun} from '../../source/engine/live.js';
import {WorkerPool} from '../../source/engine/pool.js';
import {gilPrograms} from '../../source/lessons/gil.js';
import {gilResult} from '../../source/model/gil.js';
import {toSnapshot} from '../../source/model/snapshot.js';

const hasPython = spawnSync('python3', ['-c', 'import threading'], {stdio: 'ignore'}).status === 0;
const pool = new WorkerPool();
afterAll(async () => pool.terminate());

/** Lane 4's program, with `python` as its interpreter. */
const pythonLane = (threads: number, cpuMs: number, python = 'python3') =>
	gilPrograms({threads, cpuMs, sleep: 0.1, python, simulated: false}).find((program) => program.gil?.lane === 'python')!;

/** This process's children, from /proc (Linux). */
function children(): number[] {
	return readdirSync('/proc/self/task').flatMap((task) =>
		readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
	);
}
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
	} catch {
		return false;
	}
};

describe('the CPython lane', () => {
	it("runs the CPU job on CPython's threads, reporting each thread's progress and which build ran", async (context) => {
		if (!hasPython) return context.skip('python3 is not on the PATH');
		const run = await prepareRun(pool, pythonLane(4, 200));
		const done = run.run();
		const progress = new Set<number>();
		while (!run.finished) {
			for (const thread of run.sample().threads) if (thread.state === 'running') progress.add(thread.progress);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const sample = await done;
		const gil = sample.gil!;
		expect(gil.python?.version).toMatch(/^CPython 3\.\d+\.\d+/);
		expect(gil.unavailable).toBeUndefined();
		// Its own calibration: about 200 ms of one core's CPU time, in its own loop's iterations.
		expect(gil.iterations).toBeGreaterThan(10_000);
		expect(gil.calibrationMs).toBeGreaterThanOrEqual(150);
		expect(gil.switchMs).toBe(5);
		expect(sample.threads.map((thread) => [thread.state, thread.progress])).toEqual(Array.from({length: 4}, () => ['done', 1000]));
		// Seen part-way: the rows moved while CPython ran, in steps of a hundredth.
		expect([...progress].some((value) => value > 0 && value < 1000)).toBe(true);
		const lane = gilResult([toSnapshot(sample)]).lanes.find((each) => each.lane === 'python')!;
		expect(lane.status).toBe('done');
		expect(lane.elapsedMs).toBe(gil.pythonElapsedMs);
		console.log(`${lane.name}: 4 × 200 ms in ${lane.elapsedMs.toFixed(0)} ms, ${lane.speedup.toFixed(2)}×`);
		// With its GIL, CPython's threads take turns: no speed-up, whatever else the machine runs.
		if (gil.python?.gil) expect(lane.speedup).toBeLessThanOrEqual(1.2);
	}, 30_000);

	it('without the interpreter, the lane says so and ends at once: nothing else depends on it', async () => {
		const run = await prepareRun(pool, pythonLane(2, 100, 'python3-not-installed-here'));
		const sample = await run.run();
		expect(sample.finished).toBe(true);
		expect(sample.gil?.unavailable).toBe('python3-not-installed-here is not on the PATH');
		expect(sample.threads.map((thread) => thread.state)).toEqual(['new', 'new']);
		const lane = gilResult([toSnapshot(sample)]).lanes.find((each) => each.lane === 'python')!;
		expect(lane).toMatchObject({status: 'skipped', note: 'python3-not-installed-here is not on the PATH'});
	});

	it('stopping it early kills the child, and so does terminating the pool', async (context) => {
		if (!hasPython) return context.skip('python3 is not on the PATH');
		const before = new Set(children());
		const run = await prepareRun(pool, pythonLane(2, 5000));
		const done = run.run();
		while (run.sample().main === 'starting') await new Promise((resolve) => setTimeout(resolve, 20));
		const [child] = children().filter((pid) => !before.has(pid));
		expect(child).toBeDefined();
		await run.abort();
		await done;
		expect(alive(child!)).toBe(false);
		// Not reported as a failure: it was stopped on purpose.
		expect(run.sample().gil?.unavailable).toBeUndefined();

		const other = new WorkerPool();
		const second = await prepareRun(other, pythonLane(2, 5000));
		const running = second.run();
		const [orphan] = await (async () => {
			for (;;) {
				const found = children().filter((pid) => !before.has(pid) && pid !== child);
				if (found.length > 0) return found;
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		})();
		other.terminateNow();
		await running;
		expect(alive(orphan!)).toBe(false);
	}, 30_000);
});
