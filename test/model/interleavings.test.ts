import {describe, expect, it} from 'vitest';
import {countInterleavings, type InterleavingCount, type RaceShape} from '../../source/model/interleavings.js';
import {enumerateSchedules, exampleSchedule, replay, schedulesEnding} from '../../source/model/interleavings-examples.js';
import type {CounterMode} from '../../source/model/types.js';

const STEPS: Record<CounterMode, number> = {unsafe: 2, mutex: 4, atomic: 1};
const MODES: CounterMode[] = ['unsafe', 'mutex', 'atomic'];
const SHAPES: RaceShape[] = MODES.flatMap((mode) =>
	[2, 3, 4].flatMap((threads) => [1, 2, 3, 4].map((increments) => ({threads, increments, mode}))),
);
const label = ({threads, increments, mode}: RaceShape) => `${threads}×${increments} ${mode}`;

const counted = new Map<string, InterleavingCount>();
/** Each shape counted once for the whole file (4×4 unsafe takes a good fraction of a second). */
function count(shape: RaceShape): InterleavingCount {
	const known = counted.get(label(shape));
	if (known) return known;
	const fresh = countInterleavings(shape);
	counted.set(label(shape), fresh);
	return fresh;
}

const factorial = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * factorial(n - 1));
/** Orderings of `parts` sequences of `size` steps each: (parts × size)! / (size!)^parts. */
const multinomial = (parts: number, size: number) => factorial(parts * size) / factorial(size) ** BigInt(parts);
const plain = (byFinal: ReadonlyMap<number, bigint>) => Object.fromEntries([...byFinal].map(([final, n]) => [final, Number(n)]));

/**
 * The race as the issue states it, written apart from the model: each thread runs its
 * increments' steps in order; unsafe reads into r then writes r + 1, mutex does so between
 * lock and unlock, atomic adds. The final counter, or null if the schedule makes a thread
 * lock a held lock (or step past its end, or leave steps undone).
 */
function simulate({threads, increments, mode}: RaceShape, schedule: readonly number[]): number | null {
	const program = {unsafe: ['read', 'write'], mutex: ['lock', 'read', 'write', 'unlock'], atomic: ['add']}[mode];
	const pc = Array<number>(threads).fill(0);
	const r = Array<number>(threads).fill(0);
	let counter = 0;
	let holder = -1;
	for (const t of schedule) {
		if ((pc[t] ?? Infinity) >= increments * program.length) return null;
		const op = program[pc[t]! % program.length];
		if (op === 'lock' && holder >= 0) return null;
		if (op === 'lock') holder = t;
		if (op === 'unlock') holder = -1;
		if (op === 'read') r[t] = counter;
		if (op === 'write') counter = r[t]! + 1;
		if (op === 'add') counter++;
		pc[t]!++;
	}
	return pc.every((p) => p === increments * program.length) ? counter : null;
}

/** Every ordering of the threads' steps (each thread's index `perThread` times), lexicographic. */
function* orderings(threads: number, perThread: number): Generator<number[]> {
	const left = Array<number>(threads).fill(perThread);
	const prefix: number[] = [];
	function* extend(): Generator<number[]> {
		if (prefix.length === threads * perThread) yield [...prefix];
		for (let t = 0; t < threads; t++) {
			if (left[t] === 0) continue;
			left[t]!--;
			prefix.push(t);
			yield* extend();
			prefix.pop();
			left[t]!++;
		}
	}
	yield* extend();
}

describe('countInterleavings', () => {
	it('2×1 unsafe: 6 schedules, 2 end at 2 and 4 at 1', () => {
		// By hand, A = thread_0 and B = thread_1, each reading r = counter then writing r + 1;
		// the schedule is the thread of each step, in order:
		//   0 0 1 1  A reads 0, writes 1; B reads 1, writes 2            → 2
		//   0 1 0 1  A reads 0, B reads 0, A writes 1, B writes 1        → 1
		//   0 1 1 0  A reads 0, B reads 0, B writes 1, A writes 1        → 1
		//   1 0 0 1  B reads 0, A reads 0, A writes 1, B writes 1        → 1
		//   1 0 1 0  B reads 0, A reads 0, B writes 1, A writes 1        → 1
		//   1 1 0 0  B reads 0, writes 1; A reads 1, writes 2            → 2
		const shape: RaceShape = {threads: 2, increments: 1, mode: 'unsafe'};
		expect([...enumerateSchedules(shape)]).toEqual([
			[0, 0, 1, 1],
			[0, 1, 0, 1],
			[0, 1, 1, 0],
			[1, 0, 0, 1],
			[1, 0, 1, 0],
			[1, 1, 0, 0],
		]);
		expect(count(shape)).toMatchObject({schedules: 6n, lossShare: 4 / 6, minFinal: 1, maxFinal: 2});
		expect(plain(count(shape).byFinal)).toEqual({1: 4, 2: 2});
	});

	it('2×2 unsafe: 70 schedules; only the 6 that never split an increment end at 4', () => {
		const result = count({threads: 2, increments: 2, mode: 'unsafe'});
		expect(result.schedules).toBe(70n);
		expect(plain(result.byFinal)).toEqual({2: 32, 3: 32, 4: 6});
		expect(result.lossShare).toBeCloseTo(64 / 70, 12);
	});

	it('3×3 unsafe: 17,153,136 schedules, as many in its histogram', () => {
		const result = count({threads: 3, increments: 3, mode: 'unsafe'});
		expect(result.schedules).toBe(17_153_136n);
		expect(plain(result.byFinal)).toEqual({
			2: 155_040,
			3: 3_188_244,
			4: 6_150_036,
			5: 5_058_180,
			6: 2_105_244,
			7: 449_352,
			8: 45_360,
			9: 1680,
		});
		expect([...result.byFinal.values()].reduce((a, b) => a + b)).toBe(17_153_136n);
	});

	it('4×4 unsafe: counted exactly past 2^53, 32!/(8!)^4 schedules', () => {
		const result = count({threads: 4, increments: 4, mode: 'unsafe'});
		expect(result.schedules).toBe(factorial(32) / factorial(8) ** 4n);
		expect(result.schedules).toBe(99_561_092_450_391_000n);
		expect(result.schedules > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
		expect([...result.byFinal.values()].reduce((a, b) => a + b)).toBe(result.schedules);
		expect(result.byFinal.get(16)).toBe(factorial(16) / factorial(4) ** 4n);
	});

	it.each(SHAPES.map((shape) => [label(shape), shape] as const))('%s: the schedules follow the formula', (_, shape) => {
		const {threads, increments, mode} = shape;
		// Unsafe: any interleaving of each thread's 2K steps. Mutex: a thread holding the lock is
		// the only one that can step, so whole increments interleave, as atomic's single steps do.
		const expected = mode === 'unsafe' ? multinomial(threads, 2 * increments) : multinomial(threads, increments);
		expect(count(shape).schedules).toBe(expected);
		expect(count(shape).maxFinal).toBe(threads * increments);
	});

	it('unsafe: with two or more increments each, the counter can end at 2, whatever T and K', () => {
		for (const shape of SHAPES.filter((s) => s.mode === 'unsafe')) {
			expect(count(shape).minFinal, label(shape)).toBe(shape.increments >= 2 ? 2 : 1);
		}
	});

	it('mutex and atomic: every schedule ends exact (one bar)', () => {
		for (const shape of SHAPES.filter((s) => s.mode !== 'unsafe')) {
			const result = count(shape);
			expect([...result.byFinal], label(shape)).toEqual([[shape.threads * shape.increments, result.schedules]]);
			expect(result.lossShare).toBe(0);
		}
	});

	it('rejects shapes it cannot count', () => {
		expect(() => countInterleavings({threads: 0, increments: 2, mode: 'unsafe'})).toThrow(RangeError);
		expect(() => countInterleavings({threads: 2, increments: 1.5, mode: 'unsafe'})).toThrow(RangeError);
		expect(() => countInterleavings({threads: 9, increments: 9, mode: 'mutex'})).toThrow(/too large/);
	});
});

/** Every case up to 8 steps in all (the issue's), and the larger ones still quick to list. */
const SMALL = SHAPES.filter(({threads, increments, mode}) => multinomial(threads, increments * STEPS[mode]) <= 40_000n);

describe('brute force against the count', () => {
	it('covers every shape of at most 8 steps, in each mode', () => {
		const eight = SHAPES.filter(({threads, increments, mode}) => threads * increments * STEPS[mode] <= 8);
		expect(eight.map(label)).toEqual([
			'2×1 unsafe',
			'2×2 unsafe',
			'3×1 unsafe',
			'4×1 unsafe',
			'2×1 mutex',
			'2×1 atomic',
			'2×2 atomic',
			'2×3 atomic',
			'2×4 atomic',
			'3×1 atomic',
			'3×2 atomic',
			'4×1 atomic',
			'4×2 atomic',
		]);
		for (const shape of eight) expect(SMALL).toContain(shape);
	});

	it.each(SMALL.map((shape) => [label(shape), shape] as const))(
		'%s: enumeration = every valid ordering, and the same histogram',
		(_, shape) => {
			const valid = [...orderings(shape.threads, shape.increments * STEPS[shape.mode])].filter(
				(schedule) => simulate(shape, schedule) !== null,
			);
			const listed = [...enumerateSchedules(shape)];
			expect(listed).toEqual(valid);
			const byFinal = new Map<number, bigint>();
			for (const schedule of listed) {
				const final = simulate(shape, schedule)!;
				byFinal.set(final, (byFinal.get(final) ?? 0n) + 1n);
				expect(replay(shape, schedule).at(-1)?.counter).toBe(final);
			}
			expect(plain(count(shape).byFinal)).toEqual(plain(byFinal));
		},
	);
});

describe('exampleSchedule', () => {
	it.each(['2×2 unsafe', '2×3 unsafe', '3×1 unsafe', '2×2 mutex'])('%s: the n-th schedule of each outcome is the n-th listed', (name) => {
		const shape = SMALL.find((s) => label(s) === name)!;
		const all = [...enumerateSchedules(shape)];
		for (const [final, total] of count(shape).byFinal) {
			const outcome = schedulesEnding(shape, final);
			expect(outcome.total).toBe(total);
			const ranked = Array.from({length: Number(total)}, (_, n) => outcome.schedule(n));
			expect(ranked).toEqual(all.filter((schedule) => simulate(shape, schedule) === final));
			expect(outcome.schedule(total)).toBeNull();
		}
	});

	it('3×3 unsafe: schedules ending at 2 replay to 2, distinct, without listing 17 million', () => {
		const shape: RaceShape = {threads: 3, increments: 3, mode: 'unsafe'};
		const ranks = [0n, 1n, 2n, 77_777n, 155_039n];
		const schedules = ranks.map((n) => exampleSchedule(shape, 2, n));
		for (const {total, schedule} of schedules) {
			expect(total).toBe(155_040n);
			expect(replay(shape, schedule!).at(-1)?.counter).toBe(2);
			expect(simulate(shape, schedule!)).toBe(2);
		}
		expect(new Set(schedules.map(({schedule}) => schedule!.join(''))).size).toBe(ranks.length);
		expect(exampleSchedule(shape, 2, 155_040n).schedule).toBeNull();
		expect(exampleSchedule(shape, 1, 0)).toEqual({total: 0n, schedule: null});
		// The first in lexicographic order: thread_0 and thread_1 both read 0; thread_0 does its
		// three increments (3), thread_2 two (5); thread_1 writes 1 over them, thread_2 reads that
		// 1, thread_1 ends at 3, and thread_2 writes its 1 + 1 last.
		expect(schedules[0]?.schedule?.join('')).toBe('010000022221121112');
		expect(
			replay(shape, schedules[0]!.schedule!)
				.map((s) => s.counter)
				.join(' '),
		).toBe('0 0 1 1 2 2 3 3 4 4 5 1 1 1 2 2 3 2');
	});
});

describe('replay', () => {
	const unsafe: RaceShape = {threads: 2, increments: 2, mode: 'unsafe'};

	it('tells each step as the race scene does, naming whose update a write erases', () => {
		const steps = replay(unsafe, [0, 1, 1, 1, 1, 0, 0, 0]);
		expect(steps.map((s) => s.text)).toEqual([
			'thread_0 read 0',
			'thread_1 read 0',
			'thread_1 wrote 1',
			'thread_1 read 1',
			'thread_1 wrote 2',
			"thread_0 wrote 1, erasing thread_1's update and one before it: two are lost",
			'thread_0 read 1',
			'thread_0 wrote 2',
		]);
		expect(steps.map((s) => s.lost)).toEqual([0, 0, 0, 0, 0, 2, 2, 2]);
		expect(steps[5]).toMatchObject({
			thread: 0,
			step: 'write',
			counter: 1,
			threads: [
				{pc: 2, done: 1, next: 'read', register: 0},
				{pc: 4, done: 2, next: null, register: 1},
			],
		});
		expect(replay({threads: 2, increments: 1, mode: 'unsafe'}, [0, 1, 1, 0]).at(-1)?.text).toBe(
			"thread_0 wrote 1, erasing thread_1's update: one is lost",
		);
	});

	it('mutex and atomic steps, and a schedule that cannot run', () => {
		const mutex: RaceShape = {threads: 2, increments: 1, mode: 'mutex'};
		expect(
			replay(mutex, [1, 1, 1, 1, 0, 0, 0, 0])
				.map((s) => s.text)
				.slice(0, 4),
		).toEqual(['thread_1 took the lock', 'thread_1 read 0', 'thread_1 wrote 1', 'thread_1 released the lock']);
		expect(() => replay(mutex, [0, 1])).toThrow(/thread 1 cannot step/);
		const atomic = replay({threads: 2, increments: 1, mode: 'atomic'}, [1, 0]);
		expect(atomic.map((s) => s.text)).toEqual(['thread_1 added 1 atomically to 0', 'thread_0 added 1 atomically to 1']);
		expect(atomic[1]?.threads).toEqual([
			{pc: 1, done: 1, next: null, register: null},
			{pc: 1, done: 1, next: null, register: null},
		]);
		expect(() => replay(unsafe, [0, 0, 0, 0, 0])).toThrow(RangeError);
	});
});
