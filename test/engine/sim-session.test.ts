/** SimSession: lanes side by side on one virtual clock, the programs of a lane one after another; and its heap. */
import {describe, expect, it} from 'vitest';
import {MinHeap} from '../../source/engine/sim/heap.js';
import {SimSession} from '../../source/engine/sim/session.js';
import {sleepers} from '../helpers/programs.js';

/** Per lane, per program: [main state, clock ms, finished]. */
const where = (session: SimSession) => session.samples().map((lane) => lane.map((s) => [s.main, s.clockMs, s.finished]));

describe('SimSession', () => {
	it('runs lanes side by side on one clock', () => {
		const session = new SimSession([[sleepers('slow', [1000])], [sleepers('fast', [500])]], 1);
		session.advanceTo(600);
		expect(session.time).toBe(600);
		expect(where(session)).toEqual([[['joining', 600, false]], [['done', 500, true]]]);
		expect(session.finished).toBe(false);
		session.advanceTo(1000);
		expect(session.finished).toBe(true);
		expect(where(session)).toEqual([[['done', 1000, true]], [['done', 500, true]]]);
	});

	it('runs the programs of a lane one after another, the next starting the instant the last finished', () => {
		const session = new SimSession([[sleepers('first', [1000]), sleepers('second', [500, 300])]], 1);
		session.advanceTo(999);
		expect(session.started).toEqual(['first']);
		expect(where(session)).toEqual([
			[
				['joining', 999, false],
				['starting', 0, false],
			],
		]);
		session.advanceTo(1200);
		expect(session.started).toEqual(['first', 'second']);
		const [, second] = session.samples()[0]!;
		// Its own clock: it started at session time 1000, and its threads at its time 0.
		expect([second!.clockMs, second!.threads.map((t) => [t.startMs, t.state])]).toEqual([
			200,
			[
				[0, 'sleeping'],
				[0, 'sleeping'],
			],
		]);
		session.advanceTo(1500);
		expect(session.finished).toBe(true);
		expect(where(session)).toEqual([
			[
				['done', 1000, true],
				['done', 500, true],
			],
		]);
		expect(session.steps).toBe(3);
	});

	it('step() runs one step of whichever lane is due first', () => {
		const session = new SimSession([[sleepers('a', [300])], [sleepers('b', [100])], [sleepers('c', [200]), sleepers('d', [50])]], 1);
		const order: Array<[number, boolean[]]> = [];
		while (session.step()) order.push([session.time, session.samples().map((lane) => lane.every((s) => s.finished))]);
		expect(order).toEqual([
			[100, [false, true, false]],
			[200, [false, true, false]],
			[250, [false, true, true]],
			[300, [true, true, true]],
		]);
		expect(session.finished).toBe(true);
		expect(session.step()).toBe(false);
	});
});

describe('MinHeap', () => {
	it('pops in order, whatever the order of the pushes', () => {
		const heap = new MinHeap<number>((a, b) => a < b);
		const values = Array.from({length: 200}, (_, i) => (i * 7919) % 211);
		for (const value of values) heap.push(value);
		expect(heap.size).toBe(200);
		expect(heap.peek()).toBe(Math.min(...values));
		const popped: number[] = [];
		for (let value = heap.pop(); value !== undefined; value = heap.pop()) popped.push(value);
		expect(popped).toEqual([...values].sort((a, b) => a - b));
		expect([heap.size, heap.peek(), heap.pop()]).toEqual([0, undefined, undefined]);
	});

	it('breaks ties by its comparator, as the simulator orders steps due at the same instant', () => {
		const heap = new MinHeap<{at: number; order: number}>((a, b) => a.at < b.at || (a.at === b.at && a.order < b.order));
		for (const [at, order] of [
			[2, 5],
			[1, 9],
			[2, 1],
			[1, 3],
		] as const) {
			heap.push({at, order});
		}
		heap.push({at: 0, order: 0});
		expect(heap.pop()).toEqual({at: 0, order: 0});
		heap.push({at: 1, order: 4});
		expect(Array.from({length: 5}, () => heap.pop())).toEqual([
			{at: 1, order: 3},
			{at: 1, order: 4},
			{at: 1, order: 9},
			{at: 2, order: 1},
			{at: 2, order: 5},
		]);
	});
});
