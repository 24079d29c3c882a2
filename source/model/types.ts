/**
 * Pure types shared by the engine (which produces samples), the model (which
 * reduces them to a snapshot) and the components (which draw snapshots).
 */
/** The race's three ways to increment a shared counter. */
export const COUNTER_MODES = ['unsafe', 'mutex', 'atomic'] as const;
export type CounterMode = (typeof COUNTER_MODES)[number];

/** The deadlock scene's two ways to take two locks: thread i's own first, or the lower-numbered first. */
export const LOCK_ORDERS = ['opposite', 'ordered'] as const;
export type LockOrder = (typeof LOCK_ORDERS)[number];

/** A thread's states, in the order of their codes in shared memory (engine/shared.ts). */
export const THREAD_STATES = ['new', 'sleeping', 'awake', 'running', 'waiting', 'holding', 'done', 'failed'] as const;
export type ThreadStateName = (typeof THREAD_STATES)[number];

export type MainState = 'starting' | 'running' | 'joining' | 'done';
export type EventKind = 'sleep' | 'wake' | 'print' | 'fail';

/** One thread as read from shared memory; times in ms since the scene started. */
export interface ThreadSample {
	name: string;
	state: ThreadStateName;
	/** The sleep this thread was given, in seconds as the user typed them (0 for counters). */
	sleepSeconds: number;
	startMs: number | null;
	wakeMs: number | null;
	endMs: number | null;
	/** Increments done (race). */
	progress: number;
	/** Value last read from the shared counter (race). */
	local: number;
	error?: string;
}

export interface EventSample {
	kind: EventKind;
	/** Thread index, -1 for the main thread. */
	thread: number;
	atMs: number;
	/** The main thread's printed text. */
	text?: string;
}

/** The shared counter of a race run. */
export interface RaceSample {
	mode: CounterMode;
	increments: number;
	workMicros: number;
	/** threads × increments. */
	expected: number;
	/** The shared counter now. */
	counter: number;
	/** Thread index holding the mutex, -1 for none. */
	holder: number;
	/** Acquisitions that had to wait for the mutex. */
	contended: number;
	/** Per thread, the last values it read (unsafe, once finished): where collisions are found. */
	reads?: number[][];
}

/** The locks of a deadlock run, and who waits for which, as the threads published them. */
export interface DeadlockSample {
	order: LockOrder;
	increments: number;
	workMicros: number;
	/** threads × increments. */
	expected: number;
	counter: number;
	/** Per lock: the thread holding it, -1 none. */
	holders: number[];
	/** Per thread: the lock it waits for, -1 none. */
	waits: number[];
	/** Per thread: ms since the scene started when it began that wait, null when not waiting. */
	waitMs: Array<number | null>;
}

/** What a run (real or simulated) looks like at one instant. */
export interface Sample {
	scene: string;
	/** ms since the scene started; frozen once it finished. */
	clockMs: number;
	main: MainState;
	threads: ThreadSample[];
	events: EventSample[];
	finished: boolean;
	race?: RaceSample;
	deadlock?: DeadlockSample;
	/** Simulated runs: the step the scheduler ran last. */
	lastStep?: {thread: number; kind: string; value: number; erased?: {thread: number; updates: number}};
}
