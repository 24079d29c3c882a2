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
	/** A lane of the `gil` scene. */
	gil?: GilSample;
}

/**
 * The `gil` scene's lanes, run one after another: the calibration of the CPU job, the job on
 * threads without a lock, under a GIL, the I/O-bound sleepers under the GIL, and CPython.
 */
export const GIL_LANES = ['calibrate', 'cpu', 'gil', 'io', 'python'] as const;
export type GilLane = (typeof GIL_LANES)[number];
/** A CPU job's progress is published in thousandths. */
export const CPU_PROGRESS_UNITS = 1000;

/** What CPython said about itself (lane 4). */
export interface PythonBuild {
	/** `CPython 3.11.7`. */
	version: string;
	/** Built without the GIL (`python3.13t`), whether or not it was switched back on. */
	freeThreaded: boolean;
	/** The GIL is on at run time (`sys._is_gil_enabled()`; True before 3.13). */
	gil: boolean;
}

export interface GilSample {
	lane: GilLane;
	/** One job: ms of one core. */
	cpuMs: number;
	/** How long a thread holds the GIL before it must hand it to a waiting one (CPython's sys.getswitchinterval()). */
	switchMs: number;
	/** Cores the threads can run on: the machine's (availableParallelism), or the simulation's. */
	cores: number;
	simulated: boolean;
	/** The calibrated job: iterations of the loop that take `cpuMs` on one core; 0 until calibrated (and when simulated). */
	iterations: number;
	/** How long the calibration measured the loop, ms. */
	calibrationMs: number;
	/** Thread index holding the GIL, -1 for none. */
	holder: number;
	/** Times the GIL passed from one thread to another. */
	handovers: number;
	/** Lane 4: the interpreter that ran, once it said so. */
	python?: PythonBuild;
	/** Lane 4: CPython's own elapsed time for its threads, ms (its start-up and calibration left out). */
	pythonElapsedMs?: number;
	/** Lane 4: the CPU time the interpreter's process took in all, ms (for the bench: CPU not taken by other processes). */
	pythonCpuMs?: number;
	/** Lane 4 did not run, and why (`python3 is not on the PATH`). */
	unavailable?: string;
}
