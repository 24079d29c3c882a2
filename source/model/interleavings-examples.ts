/**
 * Single schedules of the race counted in interleavings.ts: all of them by brute force
 * (small races, and the tests' check of the count), the n-th one with a given outcome
 * without listing the others, and a schedule replayed step by step with the race scene's
 * narration. Pure.
 */
import {INCREMENT_STEPS, canStep, checkShape, startState, stateKey, takeStep, nextStep} from './interleavings.js';
import type {RaceShape, RaceState, StepName} from './interleavings.js';

/**
 * Every schedule, as the thread indices in step order, in lexicographic order. Lists
 * what `countInterleavings` counts, one by one: only for small races.
 */
export function* enumerateSchedules(shape: RaceShape): Generator<number[]> {
	checkShape(shape);
	const schedule: number[] = [];
	function* from(state: RaceState): Generator<number[]> {
		let moved = false;
		for (let t = 0; t < shape.threads; t++) {
			if (!canStep(shape, state, t)) continue;
			moved = true;
			schedule.push(t);
			yield* from(takeStep(shape, state, t));
			schedule.pop();
		}
		// No thread can step only once all are done: the lock's holder can always go on.
		if (!moved) yield [...schedule];
	}
	yield* from(startState(shape));
}

/** The schedules that end with the counter at `final`, in lexicographic order. */
export interface Outcome {
	final: number;
	/** How many schedules end there. */
	total: bigint;
	/** The n-th of them (0-based), or null when n is not below `total`. */
	schedule(n: number | bigint): number[] | null;
}

/**
 * The schedules ending at `final`, ranked without listing them: for each state, how many
 * schedules from it end at `final` (memoised by state: building this costs about as much
 * as a count). The n-th schedule is then found one step at a time, skipping whole blocks
 * of schedules that start with a lower thread index.
 */
export function schedulesEnding(shape: RaceShape, final: number): Outcome {
	checkShape(shape);
	const memo = new Map<number, bigint>();
	const ending = (state: RaceState): bigint => {
		const key = stateKey(shape, state);
		const known = memo.get(key);
		if (known !== undefined) return known;
		let ways = 0n;
		let done = true;
		for (let t = 0; t < shape.threads; t++) {
			if (!canStep(shape, state, t)) continue;
			done = false;
			ways += ending(takeStep(shape, state, t));
		}
		if (done) ways = state.counter === final ? 1n : 0n;
		memo.set(key, ways);
		return ways;
	};
	const start = startState(shape);
	const total = ending(start);
	const steps = shape.threads * shape.increments * INCREMENT_STEPS[shape.mode].length;
	return {
		final,
		total,
		schedule(n) {
			let rank = BigInt(n);
			if (rank < 0n || rank >= total) return null;
			const schedule: number[] = [];
			let state = start;
			while (schedule.length < steps) {
				// The first thread whose schedules from here still reach rank n; those of the threads before it are skipped.
				for (let t = 0; t < shape.threads; t++) {
					if (!canStep(shape, state, t)) continue;
					const after = takeStep(shape, state, t);
					const ways = ending(after);
					if (rank < ways) {
						schedule.push(t);
						state = after;
						break;
					}
					rank -= ways;
				}
			}
			return schedule;
		},
	};
}

/** The n-th schedule (0-based, lexicographic) ending at `final`, and how many end there. */
export function exampleSchedule(shape: RaceShape, final: number, n: number | bigint): {total: bigint; schedule: number[] | null} {
	const outcome = schedulesEnding(shape, final);
	return {total: outcome.total, schedule: outcome.schedule(n)};
}

/** Where a thread is after a step of a replay. */
export interface ThreadPlace {
	/** Steps taken. */
	pc: number;
	/** Increments finished. */
	done: number;
	/** The step it takes next, null once it is done. */
	next: StepName | null;
	/** The value it last read (its `r`), null before its first read (atomic threads never read). */
	register: number | null;
}

/** One step of a replay and the race right after it. */
export interface ReplayStep {
	thread: number;
	step: StepName;
	counter: number;
	/** Updates lost so far: increments finished minus the counter. */
	lost: number;
	threads: ThreadPlace[];
	/** The step told as the race scene's status line tells it. */
	text: string;
}

/** A schedule step by step; throws if a thread in it could not take its step then. */
export function replay(shape: RaceShape, schedule: readonly number[]): ReplayStep[] {
	checkShape(shape);
	const perIncrement = INCREMENT_STEPS[shape.mode].length;
	let state = startState(shape);
	/** The thread whose step set the counter's value, for naming whose update a write erases. */
	let lastWriter = -1;
	return schedule.map((thread) => {
		const step = nextStep(shape, state, thread);
		if (step === null || !canStep(shape, state, thread)) throw new RangeError(`thread ${thread} cannot step after ${state.pc.join(',')}`);
		const before = state;
		state = takeStep(shape, state, thread);
		const text = narrate(step, thread, before, state, lastWriter);
		if (step === 'write' || step === 'add') lastWriter = thread;
		const threads = state.pc.map((pc, t) => {
			const register = state.reg[t] ?? -1;
			return {pc, done: Math.floor(pc / perIncrement), next: nextStep(shape, state, t), register: register < 0 ? null : register};
		});
		const done = threads.reduce((sum, place) => sum + place.done, 0);
		return {thread, step, counter: state.counter, lost: done - state.counter, threads, text};
	});
}

/** The scenes' thread names (scenes/types.ts `threadNames`). */
const name = (thread: number) => `thread_${thread}`;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const word = (n: number) => WORDS[n] ?? String(n);

/**
 * A step in the wording of model/wording.ts `stepText`. A write that does not raise the
 * counter erases updates: the counter held `before.counter`, the thread writes what it read
 * + 1, so before − read of the increments counted so far are gone.
 */
function narrate(step: StepName, thread: number, before: RaceState, after: RaceState, lastWriter: number): string {
	const who = name(thread);
	switch (step) {
		case 'lock':
			return `${who} took the lock`;
		case 'read':
			return `${who} read ${after.counter}`;
		case 'write': {
			const lost = before.counter - after.counter + 1;
			if (lost <= 0) return `${who} wrote ${after.counter}`;
			const erased =
				lost === 1
					? `${name(lastWriter)}'s update: one is lost`
					: `${name(lastWriter)}'s update and ${word(lost - 1)} before it: ${word(lost)} are lost`;
			return `${who} wrote ${after.counter}, erasing ${erased}`;
		}
		case 'unlock':
			return `${who} released the lock`;
		case 'add':
			return `${who} added 1 atomically to ${before.counter}`;
	}
}
