import type {RunProgram, ThreadSpec} from '../engine/run.js';

/** The Multithreading cells: thread rows and an event log. */
export const THREAD_SCENE_NAMES = ['start', 'hello', 'join', 'sleepers', 'sequential'] as const;
export type ThreadSceneName = (typeof THREAD_SCENE_NAMES)[number];
/**
 * Every scene in the notebook's order (its opening paragraph is the GIL's); `dashboard`
 * (sleepers above the lock panel) is the default, and `tour` walks through all of them as slides.
 */
export const SCENE_NAMES = ['gil', ...THREAD_SCENE_NAMES, 'race', 'interleavings', 'deadlock', 'dashboard', 'tour'] as const;
export type SceneName = (typeof SCENE_NAMES)[number];

export interface SceneOptions {
	/** Number of threads (sleepers, sequential). */
	threads: number;
	/** Seconds each thread sleeps. */
	sleep: number;
}

export interface Scene {
	/** One of threadlab's scenes, or any name for a scene of your own. */
	name: string;
	/** Short title for the header. */
	title: string;
	/** The lesson in one line. */
	lesson: string;
	/** The notebook's Python cell this scene brings to life. */
	code: string[];
	/** Whether `--threads` applies. */
	manyThreads: boolean;
	program(options: SceneOptions): RunProgram;
}

/** The notebook's `sleeper(n_time)`: print, sleep, print. The sleep blocks a real worker. */
export function sleeper(name: string, seconds: number): ThreadSpec {
	return {name, sleepSeconds: seconds, job: {kind: 'sleep', ms: seconds * 1000}};
}

export function threadNames(count: number): string[] {
	return Array.from({length: count}, (_, i) => `thread_${i}`);
}
