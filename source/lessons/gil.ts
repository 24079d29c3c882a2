/**
 * The notebook's opening: the GIL stops Python's threads from running in parallel, so threads
 * pay off for I/O-bound work, not for CPU-bound work. The same CPU job runs on threads without a
 * lock, then under a GIL; sleepers run under the GIL; then CPython's own threads run the job.
 * The lanes run one after another, so that none takes the others' cores.
 */
import {availableParallelism} from 'node:os';
import type {GilProgram} from '../engine/gil.js';
import type {Job} from '../engine/jobs.js';
import type {RunProgram} from '../engine/run.js';
import type {GilLane} from '../model/types.js';
import {threadNames} from './types.js';

export interface GilOptions {
	threads: number;
	/** One CPU job: ms of one core. */
	cpuMs: number;
	/** Seconds each I/O-bound thread sleeps. */
	sleep: number;
	/** --seed: SIM_CORES simulated cores, nothing to calibrate, and no Python (it is real by nature). */
	simulated: boolean;
	/** Lane 4's interpreter: THREADLAB_PYTHON, or python3. */
	python: string;
}

/** Four threads on this 2-core machine: twice the cores, so that lane 1 shows both the speed-up and its limit. A short scene: about 6 s. */
export const GIL_DEFAULTS = {threads: 4, cpuMs: 500, sleep: 0.5, python: 'python3'} as const;
/** CPython's sys.getswitchinterval() (5 ms): how long a thread keeps the GIL while another waits for it. */
export const SWITCH_MS = 5;
/** The simulation's cores: the same frames on every machine. */
export const SIM_CORES = 2;
/** How long the calibration measures the loop: ms of one core's time. */
export const CALIBRATION_MS = 200;

export const GIL_TITLE = 'CPU-bound vs I/O-bound';
export const GIL_LESSON = 'Under a GIL one thread runs at a time: threads help with I/O, not with CPU work.';

/** The CPU job, as Python writes it (lane 4 runs exactly this; engine/gil.ts has the same loop). */
export const CPU_JOB_CODE = [
	'def cpu_job(n):',
	'    total = 0',
	'    for i in range(n):',
	'        total += i * i % 7',
	'    return total',
];

export const GIL_CODE = [
	...CPU_JOB_CODE,
	'',
	'threads = [threading.Thread(target=cpu_job, args=(n,))',
	'           for _ in range(n_threads)]',
	'for thread in threads: thread.start()',
	'for thread in threads: thread.join()',
];

/** The cores the threads run on: this machine's, or the simulation's. */
export const gilCores = (options: Pick<GilOptions, 'simulated'>): number => (options.simulated ? SIM_CORES : availableParallelism());

/** Every lane's program: [calibration,] CPU-bound, CPU-bound under a GIL, I/O-bound under the GIL[, CPython]. */
export function gilPrograms(options: GilOptions): RunProgram[] {
	const {threads, cpuMs, sleep, simulated} = options;
	// The calibration writes here; the CPU jobs of the same lanes read it.
	const calibration = new SharedArrayBuffer(16);
	const cores = gilCores(options);
	const program = (lane: GilLane, job: Job, names = threadNames(threads), sleepSeconds = 0): RunProgram => {
		const gil: GilProgram = {lane, cpuMs, switchMs: SWITCH_MS, cores, simulated, calibration};
		if (lane === 'python') gil.python = options.python;
		return {
			scene: 'gil',
			gil,
			threads: names.map((name) => ({name, sleepSeconds, job})),
			*main(lab) {
				const handles = names.map((_, i) => lab.thread(i));
				for (const thread of handles) thread.start();
				for (const thread of handles) yield thread.join();
			},
		};
	};
	const cpu = {kind: 'cpu', ms: cpuMs, calibration} as const;
	return [
		...(simulated
			? []
			: [program('calibrate', {kind: 'calibrate', ms: CALIBRATION_MS, calibration}, ['calibration'], CALIBRATION_MS / 1000)]),
		program('cpu', cpu),
		program('gil', {...cpu, switchMs: SWITCH_MS}),
		program('io', {kind: 'sleep', ms: sleep * 1000, gil: true}, threadNames(threads), sleep),
		...(simulated ? [] : [program('python', {...cpu, switchMs: SWITCH_MS})]),
	];
}
