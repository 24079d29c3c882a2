/**
 * The pure reducer: an engine sample (real or simulated) in, a snapshot of
 * everything the screen and the plain output show, out. No I/O, no clock.
 */
import {fixed, plural} from './format.js';
import {type DeadlockModel, deadlockModel} from './deadlock.js';
import {type RaceResult, raceResult} from './race.js';
import type {EventSample, MainState, Sample, ThreadSample, ThreadStateName} from './types.js';
import {logText, stepText} from './wording.js';

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

/** The comparison the summary line makes: `sequential would take 10.00 s · 4.95× faster`. */
export interface Comparison {
	/** `sequential`: the sleeps one after another (sleepers); `concurrent`: all at once, the longest sleep (sequential). */
	baseline: 'sequential' | 'concurrent';
	baselineMs: number;
	/** baseline ÷ elapsed when faster, elapsed ÷ baseline when slower; two decimals, as printed. */
	factor: number;
	direction: 'faster' | 'slower';
}

export interface Summary {
	elapsedMs: number;
	/** n × sleep: the time the threads' sleeps add up to. */
	sequentialMs: number;
	/** The longest single sleep: what all at once would take. */
	concurrentMs: number;
	/** sequentialMs ÷ elapsedMs: times faster than the sleeps one after another (≈ 1 for `sequential`). */
	speedup: number;
	/** What the line compares with; null for start, hello and join, whose line compares nothing. */
	comparison: Comparison | null;
	failed: number;
	line: string;
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

function summaryLine(sample: Sample, s: Omit<Summary, 'line'>): string {
	const elapsed = `elapsed ${fixed(s.elapsedMs)} s`;
	const first = sample.threads[0];
	const wake = first?.wakeMs;
	const hello = sample.events.find((event) => event.kind === 'print');
	const wakeText = first && wake != null ? `${first.name} woke at ${fixed(wake)} s` : `${first?.name ?? 'the thread'} never woke`;
	let line: string;
	switch (sample.scene) {
		case 'start':
			line = `${elapsed} · start() returned at once · ${wakeText}`;
			break;
		case 'hello':
		case 'join': {
			const at = hello ? `hello at ${fixed(hello.atMs)} s` : 'no hello';
			const order = hello && wake != null ? (hello.atMs < wake ? 'before' : 'after') : 'while';
			line = `${elapsed} · ${at}, ${order} ${wakeText}`;
			break;
		}
		default: {
			const c = s.comparison!;
			const would = c.baseline === 'sequential' ? 'sequential would take' : 'all at once would take';
			line = `${elapsed} · ${would} ${fixed(c.baselineMs)} s · ${c.factor.toFixed(2)}× ${c.direction}`;
		}
	}
	// A failure goes first: it must not be what a narrow terminal cuts off.
	return s.failed > 0 ? `${plural(s.failed, 'thread')} failed · ${line}` : line;
}

export function summarize(sample: Sample): Summary {
	const sleeps = sample.threads.map((thread) => thread.sleepSeconds * 1000);
	const elapsedMs = sample.clockMs;
	const sequentialMs = sleeps.reduce((a, b) => a + b, 0);
	const concurrentMs = Math.max(0, ...sleeps);
	const failed = sample.threads.filter((thread) => thread.state === 'failed').length;
	const speedup = elapsedMs > 0 ? sequentialMs / elapsedMs : 0;
	const partial = {
		elapsedMs,
		sequentialMs,
		concurrentMs,
		speedup,
		comparison: compare(sample.scene, elapsedMs, sequentialMs, concurrentMs, speedup),
		failed,
	};
	return {...partial, line: summaryLine(sample, partial)};
}

/** `x.toFixed(2)` as a number: the factor the line prints, so JSON and screen say the same. */
const printed = (x: number) => Number(x.toFixed(2));

function compare(scene: string, elapsedMs: number, sequentialMs: number, concurrentMs: number, speedup: number): Comparison | null {
	if (scene === 'start' || scene === 'hello' || scene === 'join') return null;
	if (scene === 'sequential')
		return {
			baseline: 'concurrent',
			baselineMs: concurrentMs,
			factor: printed(concurrentMs > 0 ? elapsedMs / concurrentMs : 0),
			direction: 'slower',
		};
	return {baseline: 'sequential', baselineMs: sequentialMs, factor: printed(speedup), direction: 'faster'};
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
		threads: sample.threads.map((thread) => threadRow(thread, sample.clockMs, sample.race?.increments ?? sample.deadlock?.increments ?? 0)),
		log: sample.events.map((event) => ({
			atMs: event.atMs,
			thread: event.thread,
			kind: event.kind,
			text: logText(event, sample.threads),
		})),
		summary: sample.finished ? summarize(sample) : null,
		race: raceResult(sample),
		lastStep: sample.lastStep ? stepText(sample.lastStep, sample.threads, sample.deadlock) : null,
		...(sample.deadlock ? {deadlock: deadlockModel(sample)!} : {}),
	};
}

/** Every run of a view, per lane and program: samples to snapshots. */
export function toSnapshots(lanes: readonly (readonly Sample[])[]): Snapshot[][] {
	return lanes.map((lane) => lane.map(toSnapshot));
}

/** The frame key of every run of a view: equal keys, equal screens. */
export function framesKey(lanes: readonly (readonly Snapshot[])[], frameMs: number, barSteps = 100): string {
	return lanes.map((lane) => lane.map((snapshot) => frameKey(snapshot, frameMs, barSteps)).join(';')).join('/');
}

export function allFinished(lanes: readonly (readonly Snapshot[])[]): boolean {
	return lanes.every((lane) => lane.every((snapshot) => snapshot.finished));
}

/**
 * What is visible of a snapshot, coarsely: two snapshots with the same key draw
 * the same screen (spinner frame, tenth of a second, log, states, bars). A bar
 * shows `barSteps` steps (cells × eighths), and its progress is keyed to its step.
 */
export function frameKey(snapshot: Snapshot, frameMs: number, barSteps = 100): string {
	const tick = snapshot.finished ? -1 : Math.floor(snapshot.clockMs / frameMs);
	const rows = snapshot.threads.map((row) => `${row.state}${Math.round(row.progress * barSteps)}:${row.local}`).join();
	const race = snapshot.race ? `${snapshot.race.actual}|${snapshot.race.holder}` : '';
	const deadlock = snapshot.deadlock ? `${snapshot.deadlock.notes.join()}|${snapshot.deadlock.hops.length}` : '';
	return `${tick}|${snapshot.log.length}|${snapshot.main.state}|${snapshot.finished}|${rows}|${race}|${snapshot.lastStep}|${deadlock}`;
}
