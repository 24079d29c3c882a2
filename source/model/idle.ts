import type {Sample} from './types.js';

/** The sample of a scene whose threads exist but have not started yet. */
export function idleSample(scene: string, threads: ReadonlyArray<{name: string; sleepSeconds: number}>): Sample {
	return {
		scene,
		clockMs: 0,
		main: 'starting',
		threads: threads.map(({name, sleepSeconds}) => ({name, state: 'new', sleepSeconds, startMs: null, wakeMs: null, endMs: null, progress: 0, local: 0})),
		events: [],
		finished: false,
	};
}
