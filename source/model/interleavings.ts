/**
 * Every interleaving of a small race, counted exactly: T threads each increment a shared
 * counter K times with the race scene's steps, and a schedule is the order in which the
 * threads take those steps. Schedules are counted per final counter value by dynamic
 * programming over states (each thread's position and register, the counter), never by
 * listing them, so 3 × 3 (17,153,136 schedules) takes milliseconds. Pure.
 *
 * Examples, the brute-force enumerator and the step-by-step replay are in
 * interleavings-examples.ts.
 */
import type {CounterMode} from './types.js';

export type StepName = 'lock' | 'read' | 'write' | 'unlock' | 'add';

/**
 * One increment's steps per mode, as the race scene's simulator takes them (engine/sim-race.ts,
 * without its `work` pause, which touches nothing shared): unsafe reads the counter into a
 * register then writes register + 1; mutex does the same holding the lock; atomic adds in one step.
 */
export const INCREMENT_STEPS: Readonly<Record<CounterMode, readonly StepName[]>> = {
	unsafe: ['read', 'write'],
	mutex: ['lock', 'read', 'write', 'unlock'],
	atomic: ['add'],
};

/** The race being counted: T threads, K increments each, one mode. */
export interface RaceShape {
	threads: number;
	increments: number;
	mode: CounterMode;
}

/** A moment of the race. `pc[t]` is how many steps thread t took; `reg[t]` what it last read (-1: nothing yet). */
export interface RaceState {
	readonly pc: readonly number[];
	readonly reg: readonly number[];
	readonly counter: number;
}

export interface InterleavingCount {
	/** Every schedule: (2KT)!/((2K)!)^T for unsafe, (KT)!/(K!)^T for mutex and atomic. */
	schedules: bigint;
	/** Final counter value → schedules ending there, ascending, only the values some schedule reaches. */
	byFinal: ReadonlyMap<number, bigint>;
	/** Share of the schedules that end below T × K, i.e. lose at least one update (0..1). */
	lossShare: number;
	minFinal: number;
	maxFinal: number;
	/** Distinct states (up to renaming the threads) the count went through: its cost. */
	states: number;
}

/** The step thread `t` takes next, or null once it has done all its increments. */
export function nextStep(shape: RaceShape, state: RaceState, t: number): StepName | null {
	const steps = INCREMENT_STEPS[shape.mode];
	const pc = state.pc[t] ?? Infinity;
	return pc < shape.increments * steps.length ? (steps[pc % steps.length] ?? null) : null;
}

/** Thread t can step unless it is done, or its step is `lock` while another thread holds the lock. */
export function canStep(shape: RaceShape, state: RaceState, t: number): boolean {
	const step = nextStep(shape, state, t);
	return step !== null && (step !== 'lock' || !state.pc.some((_, other) => holdsLock(shape, state, other)));
}

/** In mutex mode, a thread between its `lock` and its `unlock` holds the lock. */
function holdsLock(shape: RaceShape, state: RaceState, t: number): boolean {
	const step = nextStep(shape, state, t);
	return shape.mode === 'mutex' && step !== null && step !== 'lock';
}

/** The state after thread t takes its next step (which the caller checked it can). */
export function takeStep(shape: RaceShape, state: RaceState, t: number): RaceState {
	const step = nextStep(shape, state, t);
	const pc = state.pc.map((p, i) => (i === t ? p + 1 : p));
	const register = state.reg[t] ?? -1;
	const reg = step === 'read' ? state.reg.map((r, i) => (i === t ? state.counter : r)) : state.reg;
	const counter = step === 'write' ? register + 1 : step === 'add' ? state.counter + 1 : state.counter;
	return {pc, reg, counter};
}

/** Before any step: no thread has read anything, the counter is 0. */
export function startState(shape: RaceShape): RaceState {
	return {pc: Array<number>(shape.threads).fill(0), reg: Array<number>(shape.threads).fill(-1), counter: 0};
}

/**
 * A state key's digits: the counter's values (0..T×K) and, per thread, its pc (0..K × steps)
 * times its register + 1 (0: no register it will still write).
 */
function keyDigits({threads, increments, mode}: RaceShape): {values: number; perThread: number} {
	const values = threads * increments + 1;
	return {values, perThread: (increments * INCREMENT_STEPS[mode].length + 1) * (values + 1)};
}

/**
 * A number naming a state up to renaming the threads (which run the same code, so renamed
 * states have as many schedules of each outcome): the threads' codes sorted, then the counter.
 */
export function stateKey(shape: RaceShape, state: RaceState): number {
	const {values, perThread} = keyDigits(shape);
	const codes = threadCodes(shape, state).sort((a, b) => a - b);
	return codes.reduce((key, code) => key * perThread + code, 0) * values + state.counter;
}

/**
 * Each thread's place as a number: its pc and, only while it will still write it, its
 * register (a register already written does not change what can happen next).
 */
function threadCodes(shape: RaceShape, state: RaceState): number[] {
	const {values} = keyDigits(shape);
	return state.pc.map((pc, t) => pc * (values + 1) + (nextStep(shape, state, t) === 'write' ? (state.reg[t] ?? -1) + 1 : 0));
}

/** Checks a shape, and that its state keys stay exact integers. */
export function checkShape(shape: RaceShape): void {
	const {threads, increments, mode} = shape;
	if (!Number.isInteger(threads) || threads < 1 || !Number.isInteger(increments) || increments < 1) {
		throw new RangeError(`threads and increments must be whole numbers ≥ 1, not ${threads} × ${increments}`);
	}
	const {values, perThread} = keyDigits(shape);
	if (perThread ** threads * values > Number.MAX_SAFE_INTEGER)
		throw new RangeError(`${threads} × ${increments} ${mode} is too large to count`);
}

/** The states reached after some number of steps, each with the number of schedules reaching it. */
type Layer = Map<number, {state: RaceState; ways: bigint}>;

/**
 * Counts the schedules per final value. Forward, one step at a time: how many schedules
 * reach each state after n steps, summed over the threads that can step from it. Every
 * step count has its own layer, so a state is finished before its successors are.
 */
export function countInterleavings(shape: RaceShape): InterleavingCount {
	checkShape(shape);
	let layer: Layer = new Map();
	const start = startState(shape);
	layer.set(stateKey(shape, start), {state: start, ways: 1n});
	let states = 1;
	const steps = shape.threads * shape.increments * INCREMENT_STEPS[shape.mode].length;
	for (let n = 0; n < steps; n++) {
		const next: Layer = new Map();
		for (const {state, ways} of layer.values()) {
			// Threads in the same place (same pc, same register to write) lead to the same state.
			const codes = threadCodes(shape, state);
			for (const [t, code] of codes.entries()) {
				if (codes.indexOf(code) < t || !canStep(shape, state, t)) continue;
				const after = takeStep(shape, state, t);
				const key = stateKey(shape, after);
				const alike = BigInt(codes.filter((other) => other === code).length);
				const seen = next.get(key);
				if (seen) seen.ways += ways * alike;
				else next.set(key, {state: after, ways: ways * alike});
			}
		}
		states += next.size;
		layer = next;
	}
	return summary(shape, layer, states);
}

/** The last layer (every thread done) as the counts per final value. */
function summary(shape: RaceShape, last: Layer, states: number): InterleavingCount {
	const byFinal = new Map<number, bigint>();
	for (const {state, ways} of last.values()) byFinal.set(state.counter, (byFinal.get(state.counter) ?? 0n) + ways);
	const finals = [...byFinal.keys()].sort((a, b) => a - b);
	const schedules = finals.reduce((sum, value) => sum + (byFinal.get(value) ?? 0n), 0n);
	const exact = byFinal.get(shape.threads * shape.increments) ?? 0n;
	return {
		schedules,
		byFinal: new Map(finals.map((value) => [value, byFinal.get(value) ?? 0n])),
		lossShare: Number(schedules - exact) / Number(schedules),
		minFinal: finals[0] ?? 0,
		maxFinal: finals.at(-1) ?? 0,
		states,
	};
}
