/** The gil scene on the virtual clock: 2 simulated cores, a 5 ms switch interval, the same figures for the same seed. */
import {describe, expect, it} from 'vitest';
import {SimSession} from '../../source/engine/sim/session.js';
import {gilPrograms} from '../../source/lessons/gil.js';
import {gilResult} from '../../source/model/gil.js';
import {toSnapshots} from '../../source/model/snapshot.js';

const simulate = (seed: number, threads = 4, cpuMs = 500, sleep = 0.5) => {
	const session = new SimSession([gilPrograms({threads, cpuMs, sleep, python: 'python3', simulated: true})], seed, {toTheEnd: true});
	session.advanceTo(Number.MAX_SAFE_INTEGER);
	return gilResult(toSnapshots(session.samples())[0]!);
};

describe('the gil scene, simulated', () => {
	it('4 threads on 2 cores: 2× without a lock, about 1× under the GIL, 4× sleeping under it; no Python lane', () => {
		const result = simulate(1);
		const [cpu, gil, io, python] = result.lanes;
		expect(result).toMatchObject({cores: 2, switchMs: 5, cpuMs: 500, simulated: true, iterations: 0, finished: true, failed: 0});
		expect(cpu).toMatchObject({lane: 'cpu', status: 'done', threads: 4, sequentialMs: 2000});
		expect(cpu!.speedup).toBeCloseTo(2, 1);
		expect(gil).toMatchObject({lane: 'gil', status: 'done', sequentialMs: 2000});
		// Every hand-over costs 0.05 ms of virtual time: a little under 1×.
		expect(gil!.speedup).toBeGreaterThan(0.97);
		expect(gil!.speedup).toBeLessThan(1);
		// 2000 ms of work in 5 ms turns, each handed to the next waiter while there is one.
		expect(gil!.handovers).toBeGreaterThan(390);
		expect(gil!.handovers).toBeLessThanOrEqual(400);
		expect(io).toMatchObject({lane: 'io', status: 'done', sequentialMs: 2000});
		expect(io!.speedup).toBeGreaterThan(3.9);
		expect(python).toMatchObject({status: 'skipped', note: "absent under --seed: Python's threads are real by nature"});
		expect(result.summary?.full).toBe(
			`CPU-bound: 4 threads ${cpu!.speedup.toFixed(2)}× faster on 2 cores; under a GIL ${gil!.speedup.toFixed(2)}×. I/O-bound under the GIL: ${io!.speedup.toFixed(2)}× faster.`,
		);
	});

	it('one thread at a time holds the GIL, and the others wait for it', () => {
		const session = new SimSession([gilPrograms({threads: 4, cpuMs: 100, sleep: 0.1, python: 'python3', simulated: true})], 3);
		let held = 0;
		for (let ms = 210; ms < 590; ms += 7) {
			session.advanceTo(ms);
			const lane = session.samples()[0]!.find((sample) => sample.gil?.lane === 'gil')!;
			if (lane.main === 'starting' || lane.finished) continue;
			const states = lane.threads.map((thread) => thread.state);
			expect(states.filter((state) => state === 'holding').length).toBeLessThanOrEqual(1);
			expect(states.filter((state) => state === 'running')).toEqual([]);
			if (states.includes('holding')) held++;
		}
		expect(held).toBeGreaterThan(30);
	});

	it('the same seed gives the same figures; 1 thread gains nothing, 8 threads gain no more than 2 cores give', () => {
		expect(simulate(7)).toEqual(simulate(7));
		const one = simulate(1, 1, 200, 0.2);
		expect(one.lanes[0]!.speedup).toBeCloseTo(1, 1);
		expect(one.lanes[1]!.handovers).toBe(0);
		const eight = simulate(1, 8, 100, 0.1);
		expect(eight.lanes[0]!.speedup).toBeCloseTo(2, 1);
		expect(eight.lanes[2]!.speedup).toBeGreaterThan(7.5);
	});
});
