/**
 * A run the screen and the plain output can follow, whatever runs it: worker threads (RealRun),
 * or the gil scene's CPython lane, a child process (PythonRun).
 */
import type {Sample} from '../model/types.js';
import type {WorkerPool} from './pool.js';
import {PythonRun} from './python.js';
import {RealRun, type RunProgram} from './run.js';
import type {Watched} from './watch.js';

export interface LiveRun extends Watched {
	/** Run it to its end. */
	run(): Promise<Sample>;
	sample(): Sample;
	/** Stop early; resolves when everything it started has stopped. */
	abort(): Promise<void>;
	readonly finished: boolean;
}

/** Get the program ready to run: its workers acquired and handed their jobs, or its interpreter chosen. */
export const prepareRun = (pool: WorkerPool, program: RunProgram): Promise<LiveRun> =>
	program.gil?.python ? PythonRun.prepare(pool, program) : RealRun.prepare(pool, program);
