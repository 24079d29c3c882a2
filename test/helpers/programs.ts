/** Small programs written for the engine's tests, independent of the lessons' scenes. */
import type {RunProgram} from '../../source/engine/run.js';

/** Threads that sleep `ms` each: all started, then joined in order, then one print. */
export function sleepers(scene: string, ms: number[]): RunProgram {
	return {
		scene,
		threads: ms.map((time, i) => ({name: `t${i}`, sleepSeconds: time / 1000, job: {kind: 'sleep', ms: time}})),
		*main(lab) {
			const handles = ms.map((_, i) => lab.thread(i));
			for (const thread of handles) thread.start();
			for (const thread of handles) yield thread.join();
			lab.print('all done');
		},
	};
}
