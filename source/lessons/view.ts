/** What a command line asks to run, as lanes of programs. No React: the headless path uses it too. */
import {COUNTER_MODES, type CounterMode, type Failure, type LockOrder} from '../engine/jobs.js';
import type {RunProgram} from '../engine/run.js';
import {UsageError} from '../model/errors.js';
import {type DeadlockOptions, deadlockProgram} from './deadlock.js';
import {
	type GilOptions,
	type RaceOptions,
	SCENES,
	type Scene,
	type SceneName,
	type SceneOptions,
	gilPrograms,
	raceProgram,
} from './index.js';

export type View = (
	| {kind: 'scene'; scene: Scene; options: SceneOptions}
	| {kind: 'race'; modes: CounterMode[]; race: RaceOptions}
	| {kind: 'dashboard'; options: SceneOptions; race: RaceOptions}
	/** The deadlock and its fix: one lane per lock order, side by side. */
	| {kind: 'deadlock'; orders: LockOrder[]; deadlock: DeadlockOptions}
	| {kind: 'gil'; gil: GilOptions}
) & {
	/** Threads made to fail on purpose, by name (THREADLAB_FAIL). */
	failures?: Record<string, Failure>;
};

/** The lesson asked for, validated: which scene, and its threads, sleeps and race. */
export interface LessonRequest {
	scene: SceneName;
	threads: number;
	sleep: number;
	/** Threads of the race (the dashboard's lock panel keeps 4 unless --threads is given). */
	raceThreads: number;
	/** Race: the modes to run, one after another. */
	modes: CounterMode[];
	increments: number;
	workMicros: number;
	/** Interleavings: unsafe races run on real workers to set beside the count (0: none). */
	runs: number;
	/** Deadlock: the lock orders to run, side by side (default both). */
	orders?: LockOrder[];
	/** gil: one CPU job, ms of one core. */
	cpuMs: number;
	/** gil: the interpreter of the Python lane (THREADLAB_PYTHON, or python3). */
	python: string;
	/** --seed: simulated, so the gil scene has no calibration and no Python lane. */
	seed?: number | undefined;
	/** THREADLAB_FAIL: threads to make fail on purpose, by name (real threads only). */
	failures: Record<string, Failure>;
}

export function viewFor(options: LessonRequest): View {
	const sceneOptions = {threads: options.threads, sleep: options.sleep};
	const race = {threads: options.raceThreads, increments: options.increments, workMicros: options.workMicros};
	const failures = Object.keys(options.failures).length > 0 ? {failures: options.failures} : {};
	switch (options.scene) {
		case 'race':
			return {kind: 'race', modes: options.modes, race, ...failures};
		case 'dashboard':
			return {kind: 'dashboard', options: sceneOptions, race, ...failures};
		case 'deadlock':
			return {kind: 'deadlock', orders: options.orders ?? ['opposite', 'ordered'], deadlock: race, ...failures};
		case 'gil': {
			const {threads, cpuMs, sleep, python} = options;
			return {kind: 'gil', gil: {threads, cpuMs, sleep, python, simulated: options.seed !== undefined}, ...failures};
		}
		case 'tour':
			throw new Error('the tour is a list of views: see tour/slides.ts');
		case 'interleavings':
			throw new Error('interleavings counts schedules, it runs no scene view: see output/interleavings.ts');
		default:
			return {kind: 'scene', scene: SCENES[options.scene], options: sceneOptions, ...failures};
	}
}

/** THREADLAB_FAIL must name threads that exist, on real threads: a typo must not pass silently. */
export function checkFailures(view: View, seeded: boolean): void {
	const wanted = Object.keys(view.failures ?? {});
	if (wanted.length === 0) return;
	if (seeded) throw new UsageError('THREADLAB_FAIL makes real threads fail; it does not apply with --seed');
	const names = new Set(
		lanesFor(view)
			.flat()
			.flatMap((program) => program.threads.map((thread) => thread.name)),
	);
	const unknown = wanted.filter((name) => !names.has(name));
	if (unknown.length > 0)
		throw new UsageError(`THREADLAB_FAIL names ${unknown.join(', ')}, but this scene's threads are ${[...names].join(', ')}`);
}

function withFailures(program: RunProgram, failures: Record<string, Failure> | undefined): RunProgram {
	if (!failures) return program;
	return {
		...program,
		threads: program.threads.map((spec) => (failures[spec.name] ? {...spec, job: {...spec.job, fail: failures[spec.name]}} : spec)),
	};
}

/** The programs to run: lanes side by side, the programs of a lane one after another. */
export function lanesFor(view: View, selection?: readonly CounterMode[]): RunProgram[][] {
	return programsFor(view, selection).map((lane) => lane.map((program) => withFailures(program, view.failures)));
}

function programsFor(view: View, selection?: readonly CounterMode[]): RunProgram[][] {
	const modes = selection ?? (view.kind === 'race' ? view.modes : COUNTER_MODES);
	switch (view.kind) {
		case 'scene':
			return [[view.scene.program(view.options)]];
		case 'race':
			return [modes.map((mode) => raceProgram(mode, view.race))];
		case 'dashboard':
			return [[SCENES.sleepers.program(view.options)], [raceProgram('unsafe', view.race)], [raceProgram('mutex', view.race)]];
		case 'deadlock':
			return view.orders.map((order) => [deadlockProgram(order, view.deadlock)]);
		case 'gil':
			return [gilPrograms(view.gil)];
	}
}
