/**
 * The pure reducer: an engine sample (real or simulated) in, a snapshot of
 * everything the screen and the plain output show, out. No I/O, no clock.
 */
import {type DeadlockModel, deadlockModel} from './deadlock.js';
import {type RaceResult, raceResult} from './race.js';
import {
	CPU_PROGRESS_UNITS,
	type EventSample,
	type GilSample,
	type MainState,
	type Sample,
	type ThreadSample,
	type ThreadStateName,
} from './types.js';
import {logText, stepText} from './wording.js';
import {type Summary, summarize} from './summary.js';

export {type Comparison, type Summary, summarize} from './summary.js';

export interface ThreadRowModel {
	name: string;
	state: ThreadStateName;
	/** 0..1 of the thread's sleep (or increments). */
	progress: number;
	elapsedMs: number;
	targetMs: number;
	/** The value this thread last read from the shared counter (race). */
	local: number;
	error?: string;
}

export interface MainRowModel {
	state: MainState;
	/** 0..1: threads finished. */
	progress: number;
	elapsedMs: number;
}

export interface LogLine {
	atMs: number;
	/** Thread index, -1 for the main thread. */
	thread: number;
	kind: EventSample['kind'];
	/** Exactly the notebook's text. */
	text: string;
}

export interface Snapshot {
	scene: string;
	clockMs: number;
	finished: boolean;
	main: MainRowModel;
	threads: ThreadRowModel[];
	log: LogLine[];
	summary: Summary | null;
	/** The lock panel's figures, for a race run. */
	race: RaceResult | null;
	/** Simulated: what the last step did, e.g. `thread_2 read 41`. */
	lastStep: string | null;
	/** The deadlock scene: who holds and waits for which lock, and the cycle. */
	deadlock?: DeadlockModel;
	/** A lane of the gil scene: its GIL, calibration and interpreter. */
	gil?: GilSample;
}

function threadRow(thread: ThreadSample, clockMs: number, increments: number): ThreadRowModel {
	const targetMs = thread.sleepSeconds * 1000;
	const start = thread.startMs;
	const end = thread.wakeMs ?? thread.endMs;
	const elapsedMs = start === null ? 0 : Math.max(0, (end ?? clockMs) - start);
	let progress: number;
	switch (thread.state) {
		case 'new':
			progress = 0;
			break;
		case 'awake':
		case 'done':
			progress = increments > 0 ? thread.progress / increments : 1;
			break;
		case 'sleeping':
		case 'running':
		case 'waiting':
		case 'holding':
		case 'failed':
			progress = increments > 0 ? thread.progress / increments : targetMs > 0 ? elapsedMs / targetMs : 0;
			break;
	}
	progress = Math.min(1, progress);
	const row: ThreadRowModel = {name: thread.name, state: thread.state, progress, elapsedMs, targetMs, local: thread.local};
	if (thread.error !== undefined) row.error = thread.error;
	return row;
}

export function toSnapshot(sample: Sample): Snapshot {
	const finishedThreads = sample.threads.filter((t) => t.state === 'done' || t.state === 'failed').length;
	return {
		scene: sample.scene,
		clockMs: sample.clockMs,
		finished: sample.finished,
		main: {
			state: sample.main,
			progress: sample.threads.length > 0 ? finishedThreads / sample.threads.length : 1,
			elapsedMs: sample.clockMs,
		},
		threads: sample.threads.map((thread) => threadRow(thread, sample.clockMs, progressUnits(sample))),
		log: sample.events.map((event) => logLine(event, sample.threads)),
		summary: sample.finished ? summarize(sample) : null,
		race: raceResult(sample),
		lastStep: sample.lastStep ? stepText(sample.lastStep, sample.threads, sample.deadlock) : null,
		...(sample.gil ? {gil: sample.gil} : {}),
		...(sample.deadlock ? {deadlock: deadlockModel(sample)!} : {}),
	};
}

/**
 * A run hands out the same event objects from sample to sample, and a line's words depend
 * only on its event and its thread's name: each is worded once, not at every frame (a 256-
 * thread scene has 512). A failure's line names the error, which may arrive later: worded each time.
 */
const logLines = new WeakMap<EventSample, LogLine>();

function logLine(event: EventSample, threads: Sample['threads']): LogLine {
	const known = event.kind === 'fail' ? undefined : logLines.get(event);
	if (known) return known;
	const line = {atMs: event.atMs, thread: event.thread, kind: event.kind, text: logText(event, threads)};
	if (event.kind !== 'fail') logLines.set(event, line);
	return line;
}

/** What a thread's progress counts to: a race's or a deadlock's increments, a CPU job's thousandths; 0: its sleep's time. */
function progressUnits(sample: Sample): number {
	if (sample.race) return sample.race.increments;
	if (sample.deadlock) return sample.deadlock.increments;
	const lane = sample.gil?.lane;
	return lane === 'cpu' || lane === 'gil' || lane === 'python' ? CPU_PROGRESS_UNITS : 0;
}

/** Every run of a view, per lane and program: samples to snapshots. */
export function toSnapshots(lanes: readonly (readonly Sample[])[]): Snapshot[][] {
	return lanes.map((lane) => lane.map(toSnapshot));
}

/** The frame key of every run of a view: equal keys, equal screens. */
export function framesKey(lanes: readonly (readonly Snapshot[])[], frameMs: number, barSteps = 100): string {
	return lanesKey(lanes, (snapshot) => frameKey(snapshot, frameMs, barSteps));
}

/** One key for every run of a view, from one per snapshot. */
const lanesKey = (lanes: readonly (readonly Snapshot[])[], key: (snapshot: Snapshot) => string): string =>
	lanes.map((lane) => lane.map(key).join(';')).join('/');

export function allFinished(lanes: readonly (readonly Snapshot[])[]): boolean {
	return lanes.every((lane) => lane.every((snapshot) => snapshot.finished));
}

/**
 * What a frame shows of the snapshots apart from what time alone moves while threads run:
 * two with the same key differ at most in the thread rows (bars, times, spinners, and the
 * words they show) and the running clock. A race, the GIL and a deadlock draw time in their
 * own panels too, and a finished run draws its summary: their key is the whole frame key.
 */
export function stillKey(lanes: readonly (readonly Snapshot[])[], frameMs: number): string {
	return lanesKey(lanes, (s) =>
		s.finished || s.race || s.gil || s.deadlock ? frameKey(s, frameMs) : frameKey(s, Number.POSITIVE_INFINITY, 0),
	);
}

/**
 * What is visible of a snapshot, coarsely: two snapshots with the same key draw
 * the same screen (spinner frame, tenth of a second, log, states, bars). A bar
 * shows `barSteps` steps (cells × eighths), and its progress is keyed to its step.
 */
export function frameKey(snapshot: Snapshot, frameMs: number, barSteps = 100): string {
	const tick = snapshot.finished ? -1 : Math.floor(snapshot.clockMs / frameMs);
	const rows = snapshot.threads
		.map((row) => `${row.state}${Math.round(row.progress * barSteps)}:${row.local}${row.error === undefined ? '' : `:${row.error}`}`)
		.join();
	const race = snapshot.race ? `${snapshot.race.actual}|${snapshot.race.holder}` : '';
	const gil = snapshot.gil
		? `${snapshot.gil.holder}|${snapshot.gil.handovers}|${snapshot.gil.iterations}|${snapshot.gil.python?.version}`
		: '';
	const deadlock = snapshot.deadlock ? `${snapshot.deadlock.notes.join()}|${snapshot.deadlock.hops.length}` : '';
	return `${tick}|${snapshot.log.length}|${snapshot.main.state}|${snapshot.finished}|${rows}|${race}|${snapshot.lastStep}|${deadlock}|${gil}`;
}
