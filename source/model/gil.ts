/**
 * The gil scene from its lanes' snapshots: each lane's elapsed time against n × one job and the
 * speed-up, the calibration, the GIL's holder, and the lesson in one line with the measured
 * figures. Pure: the screen, the plain lines and `--json` all read it.
 */
import {clock, fixed, grouped, plural} from './format.js';
import type {Snapshot} from './snapshot.js';
import type {GilLane, GilSample, PythonBuild, ThreadStateName} from './types.js';

export type GilLaneName = Exclude<GilLane, 'calibrate'>;
export const LANE_ORDER: readonly GilLaneName[] = ['cpu', 'gil', 'io', 'python'];

export interface GilLaneResult {
	lane: GilLaneName;
	/** `CPU-bound, no lock`, `CPython 3.11.7 (GIL)`. */
	name: string;
	threads: number;
	status: 'waiting' | 'running' | 'done' | 'skipped';
	elapsedMs: number;
	/** n × one job (the CPU job, or the sleep): what the threads' work adds up to. */
	sequentialMs: number;
	/** sequentialMs / elapsedMs once done; 0 before. */
	speedup: number;
	/** Under a GIL (lanes 2 and 3): times it passed from one thread to another. */
	handovers?: number;
	/** Why the lane did not run (`python3 is not on the PATH`). */
	note?: string;
	snapshot: Snapshot | null;
}

export interface GilResult {
	cores: number;
	switchMs: number;
	cpuMs: number;
	simulated: boolean;
	/** The calibrated job: iterations that take cpuMs of one core (0 while calibrating, and simulated). */
	iterations: number;
	calibrationMs: number;
	calibrating: boolean;
	/** The GIL now, in words: `thread_2 holds the GIL · 173 hand-overs`. */
	gilText: string;
	lanes: GilLaneResult[];
	finished: boolean;
	failed: number;
	/** The lesson with the figures, once every lane is done; `short` fits 80 columns. */
	summary: {full: string; short: string} | null;
}

export const LANE_NAMES: Record<GilLaneName, string> = {
	cpu: 'CPU-bound, no lock',
	gil: 'CPU-bound under a GIL',
	io: 'I/O-bound under the GIL',
	python: 'CPython',
};

/** `CPython 3.11.7 (GIL)`, `CPython 3.13.1 free-threaded`, `CPython 3.13.1 free-threaded, GIL on`. */
export function buildName(build: PythonBuild): string {
	if (!build.freeThreaded) return `${build.version} (GIL)`;
	return build.gil ? `${build.version} free-threaded, GIL on` : `${build.version} free-threaded`;
}

/** A row's state in the scene's words. */
export function gilStateText(state: ThreadStateName): string {
	return state === 'holding' ? 'running (holds the GIL)' : state === 'waiting' ? 'waiting for the GIL' : state;
}
/** The widest of them. */
export const GIL_STATE_WIDTH = 'running (holds the GIL)'.length;

const times = (speedup: number) => `${speedup.toFixed(2)}×`;

/** A lane's time as its screen shows it: done, its time and speed-up; running, its clock so far; else none. */
export function laneTime(lane: GilLaneResult): string | undefined {
	if (lane.status === 'done') return `${fixed(lane.elapsedMs)} s · ${times(lane.speedup)}`;
	if (lane.status === 'running') return `${clock(lane.elapsedMs, 1)} s so far`;
	return undefined;
}

function laneResult(lane: GilLaneName, snapshot: Snapshot | undefined, simulated: boolean): GilLaneResult {
	const gil = snapshot?.gil;
	if (!snapshot || !gil || gil.unavailable !== undefined) {
		const note = simulated ? "absent under --seed: Python's threads are real by nature" : (gil?.unavailable ?? 'did not run');
		return {lane, name: LANE_NAMES[lane], threads: 0, status: 'skipped', elapsedMs: 0, sequentialMs: 0, speedup: 0, note, snapshot: null};
	}
	const threads = snapshot.threads.length;
	const sequentialMs = lane === 'io' ? snapshot.threads.reduce((sum, row) => sum + row.targetMs, 0) : threads * gil.cpuMs;
	const done = snapshot.finished;
	const elapsedMs = done && gil.pythonElapsedMs !== undefined ? gil.pythonElapsedMs : snapshot.clockMs;
	const status = done ? 'done' : snapshot.main.state === 'starting' ? 'waiting' : 'running';
	const result: GilLaneResult = {
		lane,
		name: gil.python ? buildName(gil.python) : LANE_NAMES[lane],
		threads,
		status,
		elapsedMs,
		sequentialMs,
		speedup: done && elapsedMs > 0 ? sequentialMs / elapsedMs : 0,
		snapshot,
	};
	if (lane === 'gil' || lane === 'io') result.handovers = gil.handovers;
	return result;
}

function gilText(lanes: readonly GilLaneResult[]): string {
	const running = lanes.find((lane) => lane.status === 'running' && lane.handovers !== undefined);
	const shown = running ?? lanes.find((lane) => lane.lane === 'gil');
	const gil = shown?.snapshot?.gil;
	if (!shown || !gil || shown.status === 'waiting') return 'GIL not taken yet';
	const holder = gil.holder >= 0 ? shown.snapshot!.threads[gil.holder]?.name : undefined;
	const count = plural(gil.handovers, 'hand-over');
	if (running) return holder ? `${holder} holds the GIL · ${count}` : `GIL free · ${count}`;
	return `GIL: ${count} in lane 2`;
}

/** A speed-up in words: a loaded machine can make threads slower than one after another, and then it says so. */
export const faster = (speedup: number) => `${times(speedup)} ${speedup >= 0.995 ? 'faster' : '(slower)'}`;

function summaryOf(lanes: readonly GilLaneResult[], cores: number): GilResult['summary'] {
	const by = (lane: GilLaneName) => lanes.find((result) => result.lane === lane)!;
	const [cpu, gil, io, python] = [by('cpu'), by('gil'), by('io'), by('python')];
	const version = python.status === 'done' ? python.name.replace(/^(\S+ \d+\.\d+)\.\d+\S*/, '$1').replace(' (GIL)', '') : '';
	const full = [
		`CPU-bound: ${plural(cpu.threads, 'thread')} ${faster(cpu.speedup)} on ${plural(cores, 'core')}; under a GIL ${times(gil.speedup)}`,
		python.status === 'done' ? `; ${version} ${times(python.speedup)}` : '',
		`. I/O-bound under the GIL: ${faster(io.speedup)}.`,
	].join('');
	const short = [
		`CPU-bound ${times(cpu.speedup)} on ${plural(cores, 'core')}, under a GIL ${times(gil.speedup)}`,
		python.status === 'done' ? `, CPython ${times(python.speedup)}` : '',
		` · I/O-bound ${times(io.speedup)}`,
	].join('');
	return {full, short};
}

/** The scene's figures from its one lane of programs: [calibration,] cpu, gil, io[, python]. */
export function gilResult(snapshots: readonly Snapshot[]): GilResult {
	const first: Partial<GilSample> = snapshots.find((snapshot) => snapshot.gil)?.gil ?? {};
	const simulated = first.simulated ?? true;
	const of = (lane: GilLane) => snapshots.find((snapshot) => snapshot.gil?.lane === lane);
	const lanes = LANE_ORDER.map((lane) => laneResult(lane, of(lane), simulated));
	const calibration = of('calibrate');
	const calibrated = snapshots
		.filter((snapshot) => snapshot.gil?.lane !== 'python')
		.find((snapshot) => (snapshot.gil?.iterations ?? 0) > 0)?.gil;
	const finished = snapshots.every((snapshot) => snapshot.finished);
	const cores = first.cores ?? 1;
	return {
		cores,
		switchMs: first.switchMs ?? 0,
		cpuMs: first.cpuMs ?? 0,
		simulated,
		iterations: calibrated?.iterations ?? 0,
		calibrationMs: calibrated?.calibrationMs ?? 0,
		calibrating: calibration !== undefined && !calibration.finished,
		gilText: gilText(lanes),
		lanes,
		finished,
		failed: snapshots.reduce((sum, snapshot) => sum + snapshot.threads.filter((row) => row.state === 'failed').length, 0),
		summary: finished ? summaryOf(lanes, cores) : null,
	};
}

/** The calibration in words. */
export function calibrationText(result: GilResult): string {
	if (result.simulated) return `simulated: each job is ${result.cpuMs} ms of one core, nothing to calibrate`;
	if (result.calibrating || result.iterations === 0) return `calibrating the job: ${result.cpuMs} ms of one core…`;
	return `job: ${grouped(result.iterations)} iterations = ${result.cpuMs} ms of one core (calibrated over ${Math.round(result.calibrationMs)} ms)`;
}

/** A lane's line without a terminal: `CPU-bound, no lock: 4 threads in 1.02 s · sequential 2.00 s · 1.96×`. */
export function laneLine(lane: GilLaneResult): string {
	if (lane.status === 'skipped') return `${lane.name}: ${lane.note}; this lane did not run`;
	const handovers = lane.handovers === undefined ? '' : ` · ${plural(lane.handovers, 'hand-over')}`;
	return `${lane.name}: ${plural(lane.threads, 'thread')} in ${fixed(lane.elapsedMs)} s · sequential ${fixed(lane.sequentialMs)} s · ${times(lane.speedup)}${handovers}`;
}

/** Without a terminal, the line a program of the scene ends with: the calibration, or its lane's figures. */
export function gilProgramLine(snapshot: Snapshot): string | null {
	const lane = snapshot.gil?.lane;
	if (!lane) return null;
	const result = gilResult([snapshot]);
	if (lane === 'calibrate') return `${calibrationText(result)} · ${plural(result.cores, 'core')}`;
	return laneLine(result.lanes.find((each) => each.lane === lane)!);
}

/** Without a terminal, after every lane: the Python lane if it never started (--seed), then the lesson. */
export function gilClosingLines(snapshots: readonly Snapshot[]): string[] {
	const result = gilResult(snapshots);
	const python = result.lanes.find((lane) => lane.lane === 'python')!;
	const absent = python.status === 'skipped' && !snapshots.some((snapshot) => snapshot.gil?.lane === 'python');
	return [...(absent ? [laneLine(python)] : []), ...(result.summary ? [result.summary.full] : [])];
}
