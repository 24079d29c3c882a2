/**
 * The gil scene on real worker threads: the calibrated CPU job, the GIL on the project's mutex,
 * and the three Node lanes' speed-ups. The CPU lanes' speed-ups need two free, equal cores: other
 * processes on this 2-core machine (other test suites, other people's) can take them, and the
 * host under this virtual machine can slow one core down. They are judged on a run that had
 * them, and skipped, saying why, when none of three had; the rest is asserted on every run.
 */
import {availableParallelism} from 'node:os';
import {afterAll, describe, expect, it} from 'vitest';
import {prepareRun} from '../../source/engine/live.js';
import {WorkerPool} from '../../source/engine/pool.js';
import type {RunProgram} from '../../source/engine/run.js';
import {H} from '../../source/engine/shared.js';
import {gilPrograms} from '../../source/lessons/gil.js';
import {gilResult} from '../../source/model/gil.js';
import {toSnapshot} from '../../source/model/snapshot.js';
import {besideOthers, twoCores} from '../helpers/machine.js';

const pool = new WorkerPool();
afterAll(async () => pool.terminate());

/** The Node lanes ([calibration,] cpu, gil, io), one after another, as the scene runs them. */
async function nodeLanes(threads: number, cpuMs: number, sleep: number, change = (program: RunProgram) => program) {
	const programs = gilPrograms({threads, cpuMs, sleep, python: 'python3', simulated: false}).filter((p) => p.gil?.lane !== 'python');
	const samples = [];
	const inside: number[] = [];
	/** Per lane: cores other processes kept busy while it ran. */
	const others: number[] = [];
	for (const program of programs.map(change)) {
		const run = await prepareRun(pool, program);
		const {value, othersCores} = await besideOthers(async () => run.run());
		samples.push(value);
		others.push(othersCores);
		inside.push(Atomics.load(run.shared.i32, H.gilInside));
	}
	return {result: gilResult(samples.map(toSnapshot)), samples, inside, others};
}

describe('the gil scene on real worker threads', () => {
	it('calibrates the loop once, on one core, and every CPU job does that many iterations', async () => {
		const {result, samples} = await nodeLanes(2, 50, 0.05);
		expect(samples.map((sample) => sample.gil?.lane)).toEqual(['calibrate', 'cpu', 'gil', 'io']);
		// 200 ms of the calibrating thread's CPU time, read every 5 ms.
		expect(result.calibrationMs).toBeGreaterThanOrEqual(200);
		expect(result.calibrationMs).toBeLessThan(260);
		// Tens of millions of iterations a core-second at the very least (1.7 ns each here: 580 M).
		expect(result.iterations).toBeGreaterThan(50 * 10_000);
		for (const sample of samples.slice(1)) expect(sample.gil?.iterations).toBe(result.iterations);
		for (const sample of samples) expect(sample.threads.every((thread) => thread.state === 'done')).toBe(true);
		expect(result.cores).toBe(availableParallelism());
	});

	it('4 threads: faster on 2 cores without a lock, no faster under the GIL, 4× when they sleep under it', {
		timeout: 60_000,
	}, async (context) => {
		const why: string[] = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			// Both cores first: a virtual machine's two cores can compute at different speeds (a busy
			// host), and then the calibration depends on the core it ran on, and lane 1 gets the sum
			// of two speeds, not twice one. The speed-ups are judged only on two equal cores.
			const before = await twoCores();
			const {result, inside, others} = await nodeLanes(4, 400, 0.5);
			const speeds = [...before, ...(await twoCores())];
			const [cpu, gil, io] = result.lanes;
			console.log(
				`speed-ups: ${result.lanes.map((lane) => `${lane.lane} ${lane.speedup.toFixed(2)}×`).join(', ')}; ${gil!.handovers} hand-overs; other processes took ${others.map((cores) => cores.toFixed(2)).join(', ')} cores; two threads at once: ${speeds.map((ns) => ns.toFixed(2)).join(' and ')} ns an iteration`,
			);
			// Whatever else runs, and whatever the cores: nobody failed, nobody was left holding the GIL,
			// nobody ever found another thread holding it (it would have failed), and the sleepers overlap.
			expect(result.failed).toBe(0);
			expect(inside).toEqual([0, 0, 0, 0]);
			// 1,600 ms of work, handed over every 5 ms while others wait: about 320 hand-overs.
			expect(gil!.handovers).toBeGreaterThan(100);
			expect(io!.speedup).toBeGreaterThanOrEqual(3);
			expect(io!.elapsedMs).toBeGreaterThanOrEqual(500);
			if (result.cores < 2) return context.skip('one core: no parallel speed-up to show');
			// Before the lanes and after them, both cores within a quarter of each other.
			const [fast, slow] = [Math.min(...speeds), Math.max(...speeds)];
			if (slow > fast * 1.25) {
				why.push(`unequal cores (${fast.toFixed(2)} and ${slow.toFixed(2)} ns an iteration)`);
				continue;
			}
			// A lane that had the cores to itself (others under a fifth of a core): lane 2 gains nothing
			// and loses little to its hand-overs, and lane 1 runs on both cores.
			if (others[2]! <= 0.2) {
				expect(gil!.speedup).toBeLessThanOrEqual(1.2);
				expect(gil!.speedup).toBeGreaterThan(0.8);
			}
			if (others[1]! <= 0.2) {
				expect(cpu!.speedup).toBeGreaterThanOrEqual(1.5);
				return;
			}
			why.push(`other processes kept ${others[1]!.toFixed(2)} cores busy`);
		}
		context.skip(`lanes 1 and 2 need two free, equal cores; in each of 3 runs: ${why.join('; ')}`);
	});

	it('one thread alone keeps the GIL: no hand-over', async () => {
		const {result} = await nodeLanes(1, 100, 0.05);
		expect(result.lanes[1]!.handovers).toBe(0);
		expect(result.lanes[1]!.status).toBe('done');
	});

	it('a thread that fails holding the GIL lets it go: the others finish', async () => {
		const fail = (program: RunProgram): RunProgram =>
			program.gil?.lane === 'gil'
				? {...program, threads: program.threads.map((spec, t) => (t === 1 ? {...spec, job: {...spec.job, fail: 'throw'}} : spec))}
				: program;
		const {samples, inside} = await nodeLanes(3, 100, 0.05, fail);
		const gil = samples.find((sample) => sample.gil?.lane === 'gil')!;
		expect(gil.threads.map((thread) => thread.state)).toEqual(['done', 'failed', 'done']);
		expect(gil.threads[1]!.error).toBe('injected failure');
		expect(gil.gil!.holder).toBe(-1);
		expect(inside).toEqual([0, 0, 0, 0]);
	});

	it('stopping the GIL lane early ends every thread, waiting ones included', async () => {
		const [calibrate, , gilLane] = gilPrograms({threads: 4, cpuMs: 5000, sleep: 1, python: 'python3', simulated: false});
		await (await prepareRun(pool, calibrate!)).run();
		const run = await prepareRun(pool, gilLane!);
		const done = run.run();
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(run.sample().threads.some((thread) => thread.state === 'waiting')).toBe(true);
		const started = performance.now();
		await run.abort();
		await done;
		expect(performance.now() - started).toBeLessThan(1000);
		expect(run.sample().threads.every((thread) => thread.state === 'done')).toBe(true);
	});
});
