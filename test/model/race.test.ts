import {describe, expect, it} from 'vitest';
import {collisionText, compact, findCollision, raceLine, raceResult} from '../../source/model/race.js';
import type {Sample, ThreadSample} from '../../source/model/types.js';

const names = ['thread_0', 'thread_1', 'thread_2', 'thread_3'];

describe('findCollision, on hand-made read logs', () => {
	it('finds a value that two different threads read', () => {
		const reads = [
			[0, 1, 2, 3],
			[4, 5, 6],
			[7, 8, 41, 9],
			[10, 41, 11],
		];
		expect(findCollision(reads, names)).toEqual({first: 'thread_2', second: 'thread_3', value: 41, readers: ['thread_2', 'thread_3']});
		expect(collisionText({first: 'thread_2', second: 'thread_3', value: 41})).toBe(
			'thread_2 and thread_3 both read 41 and wrote 42: one update lost',
		);
	});

	it('ignores a value one thread read twice, and finds none in a clean log', () => {
		expect(
			findCollision(
				[
					[1, 1, 2],
					[3, 4],
				],
				names,
			),
		).toBeNull();
		expect(
			findCollision(
				[
					[0, 2, 4],
					[1, 3, 5],
				],
				names,
			),
		).toBeNull();
		expect(findCollision([], names)).toBeNull();
	});

	it('names the thread that read it first', () => {
		expect(findCollision([[9], [9], [9]], names)).toEqual({
			first: 'thread_0',
			second: 'thread_1',
			value: 9,
			readers: ['thread_0', 'thread_1', 'thread_2'],
		});
	});

	it('takes the latest collision, so the pair is whoever really collided last (not always thread_0)', () => {
		const reads = [
			[5, 6, 7],
			[5, 8, 9],
			[10, 12],
			[11, 12],
		];
		expect(findCollision(reads, names)).toEqual({first: 'thread_2', second: 'thread_3', value: 12, readers: ['thread_2', 'thread_3']});
	});

	it('names every thread that read the value, and leaves out a read a running thread has not written yet', () => {
		const reads = [[3, 7], [7], [5, 7], [4, 9]];
		const found = findCollision(reads, names)!;
		expect(found.readers).toEqual(['thread_0', 'thread_1', 'thread_2']);
		expect(collisionText(found)).toBe('thread_0, thread_1 and thread_2 all read 7 and wrote 8: 2 updates lost');
		// thread_1 and thread_2 are still counting: their last read (7) may not be written yet.
		expect(findCollision([[3, 7], [7], [3, 7], [4]], names, [true, false, false, true])).toMatchObject({
			value: 3,
			readers: ['thread_0', 'thread_2'],
		});
	});
});

function thread(name: string, progress: number, state: ThreadSample['state'] = 'done'): ThreadSample {
	return {name, state, sleepSeconds: 0, startMs: 0, wakeMs: null, endMs: 500, progress, local: 0};
}

function race(mode: 'unsafe' | 'mutex' | 'atomic', counter: number, progress: number[], finished = true): Sample {
	return {
		scene: 'race',
		clockMs: 500,
		main: finished ? 'done' : 'joining',
		threads: progress.map((done, i) => thread(names[i]!, done, finished ? 'done' : 'running')),
		events: [],
		finished,
		race: {
			mode,
			increments: 100,
			workMicros: 200,
			expected: progress.length * 100,
			counter,
			holder: mode === 'mutex' && !finished ? 2 : -1,
			contended: mode === 'mutex' ? 37 : 0,
			...(mode === 'unsafe'
				? {
						reads: [
							[5, 6],
							[6, 7],
						],
					}
				: {}),
		},
	};
}

describe('raceResult', () => {
	it('unsafe: lost = increments done − counter, with the collision', () => {
		const r = raceResult(race('unsafe', 130, [100, 100]))!;
		expect(r).toMatchObject({
			mode: 'unsafe',
			threads: 2,
			expected: 200,
			actual: 130,
			lost: 70,
			lostPercent: 35,
			elapsedMs: 500,
			opsPerSec: 400,
			finished: true,
		});
		expect(r.collision).toEqual({first: 'thread_0', second: 'thread_1', value: 6, readers: ['thread_0', 'thread_1']});
	});

	it('while running, lost compares with the increments done so far', () => {
		const r = raceResult(race('mutex', 120, [40, 50, 30], false))!;
		expect(r.lost).toBe(0);
		expect(r.holder).toBe('thread_2');
		expect(r.contended).toBe(37);
	});

	it('is null for a sample without a race', () => {
		expect(raceResult({...race('atomic', 1, [1]), race: undefined} as unknown as Sample)).toBeNull();
	});
});

describe('raceLine', () => {
	it('is one line with expected / actual / lost / elapsed / rate', () => {
		expect(raceLine(raceResult(race('unsafe', 130, [100, 100]))!)).toBe(
			'unsafe · expected 200 · actual 130 · lost 70 (35.0%) · elapsed 0.50 s · 400 increments/s',
		);
		expect(raceLine(raceResult(race('mutex', 200, [100, 100]))!)).toBe(
			'mutex  · expected 200 · actual 200 · lost 0 (0.0%) · elapsed 0.50 s · 400 increments/s · contended 37',
		);
	});

	it('compacts rates', () => {
		expect([999, 3_199, 12_345, 3_456_789, 2e9].map(compact)).toEqual(['999', '3.2k', '12.3k', '3.46M', '2.00G']);
	});
});
