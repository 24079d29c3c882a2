import type {CounterMode, GilSample, Sample} from './types.js';

/** The sample of a scene whose threads exist but have not started yet. */
export function idleSample(
	scene: string,
	threads: ReadonlyArray<{name: string; sleepSeconds: number}>,
	race?: {mode: CounterMode; increments: number; workMicros: number},
	gil?: Pick<GilSample, 'lane' | 'cpuMs' | 'switchMs' | 'cores' | 'simulated'>,
): Sample {
	const sample: Sample = {
		scene,
		clockMs: 0,
		main: 'starting',
		threads: threads.map(({name, sleepSeconds}) => ({
			name,
			state: 'new',
			sleepSeconds,
			startMs: null,
			wakeMs: null,
			endMs: null,
			progress: 0,
			local: 0,
		})),
		events: [],
		finished: false,
	};
	if (race) {
		const {mode, increments, workMicros} = race;
		sample.race = {mode, increments, workMicros, expected: increments * threads.length, counter: 0, holder: -1, contended: 0};
	}
	if (gil) {
		const {lane, cpuMs, switchMs, cores, simulated} = gil;
		sample.gil = {lane, cpuMs, switchMs, cores, simulated, iterations: 0, calibrationMs: 0, holder: -1, handovers: 0};
	}
	return sample;
}
