/**
 * The gil scene's Python lane: real CPython threads, in a child process that reports each
 * thread's progress as JSON lines (engine/python-script.ts). It draws like a run of workers:
 * `sample()` gives the same Sample. The pool ends the child with its workers, on every exit path.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import type {GilSample, MainState, PythonBuild, Sample, ThreadSample} from '../model/types.js';
import {CPU_PROGRESS_UNITS} from '../model/types.js';
import type {GilProgram} from './gil.js';
import type {WorkerPool} from './pool.js';
import {PYTHON_LANE} from './python-script.js';
import type {RunProgram} from './run.js';
import {H, SharedState, epochNow} from './shared.js';

interface Row {
	state: 'new' | 'running' | 'done' | 'failed';
	startMs: number | null;
	endMs: number | null;
	progress: number;
}

/** One line of the child's report; every field optional (see python-script.ts). */
interface Report {
	version?: string;
	freeThreaded?: boolean;
	gil?: boolean;
	switchMs?: number;
	calibrated?: number;
	ms?: number;
	go?: boolean;
	t?: number;
	p?: number;
	done?: boolean;
	elapsed?: number;
	cpuMs?: number;
}

export class PythonRun {
	/** Nothing lives here but the doorbell: each report notifies its event counter, which the screen's clock waits on. */
	readonly shared = SharedState.create({threads: 0, events: 1, readLog: 0});
	readonly #pool: WorkerPool;
	readonly #program: RunProgram;
	readonly #gil: GilProgram;
	readonly #rows: Row[];
	#child: ChildProcess | undefined;
	#closed: Promise<void> = Promise.resolve();
	#aborted = false;
	#main: MainState = 'starting';
	#origin = 0;
	#finishedAt: number | undefined;
	#build: PythonBuild | undefined;
	#switchMs: number;
	#iterations = 0;
	#calibrationMs = 0;
	#elapsedMs: number | undefined;
	#cpuMs: number | undefined;
	#unavailable: string | undefined;
	#stderr = '';

	private constructor(pool: WorkerPool, program: RunProgram, gil: GilProgram) {
		this.#pool = pool;
		this.#program = program;
		this.#gil = gil;
		this.#switchMs = gil.switchMs;
		this.#rows = program.threads.map(() => ({state: 'new', startMs: null, endMs: null, progress: 0}));
	}

	static async prepare(pool: WorkerPool, program: RunProgram): Promise<PythonRun> {
		if (!program.gil?.python) throw new Error(`${program.scene} is not a Python lane`);
		return new PythonRun(pool, program, program.gil);
	}

	get finished(): boolean {
		return this.#finishedAt !== undefined;
	}

	/** Start the interpreter and resolve once it has ended (or could not start: the sample says why). */
	run(): Promise<Sample> {
		const interpreter = this.#gil.python!;
		const args = ['-c', PYTHON_LANE, String(this.#rows.length), String(this.#gil.cpuMs)];
		this.#origin = epochNow();
		const child = spawn(interpreter, args, {stdio: ['pipe', 'pipe', 'pipe']});
		this.#child = child;
		const forget = this.#pool.adopt(() => child.kill('SIGKILL'));
		let pending = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) this.#report(line);
			Atomics.notify(this.shared.i32, H.events);
		});
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
			this.#stderr = (this.#stderr + chunk).slice(-2000);
		});
		// stdin stays open and unused: the child stops when it closes, that is when this process is gone.
		child.stdin!.on('error', () => undefined);
		this.#closed = new Promise((resolve) => {
			child.once('error', (error: NodeJS.ErrnoException) => {
				this.#end(error.code === 'ENOENT' ? `${interpreter} is not on the PATH` : `${interpreter} did not start: ${error.message}`);
				resolve();
			});
			child.once('close', (code, signal) => {
				forget();
				const last = this.#stderr.trim().split('\n').at(-1);
				const why = signal ? `ended by ${signal}` : `exited with code ${code}${last ? `: ${last}` : ''}`;
				this.#end(this.#elapsedMs === undefined ? `${interpreter} ${why}` : undefined);
				resolve();
			});
		});
		return this.#closed.then(() => this.sample());
	}

	/** Stop early (`r`, quit): the child is killed. */
	async abort(): Promise<void> {
		this.#aborted = true;
		this.#child?.kill('SIGKILL');
		await this.#closed;
	}

	sample(): Sample {
		const threads = this.#program.threads.map((spec, t): ThreadSample => {
			const row = this.#rows[t]!;
			const sample: ThreadSample = {
				name: spec.name,
				state: row.state,
				sleepSeconds: 0,
				startMs: row.startMs,
				wakeMs: null,
				endMs: row.endMs,
				progress: row.progress,
				local: 0,
			};
			if (row.state === 'failed' && this.#unavailable) sample.error = this.#unavailable;
			return sample;
		});
		const now = this.#finishedAt ?? epochNow();
		const {lane, cpuMs, cores} = this.#gil;
		// CPython does not say who holds its GIL, nor how often it passed: holder and hand-overs stay unknown.
		const gil: GilSample = {
			lane,
			cpuMs,
			cores,
			switchMs: this.#switchMs,
			simulated: false,
			iterations: this.#iterations,
			calibrationMs: this.#calibrationMs,
			holder: -1,
			handovers: 0,
		};
		if (this.#build) gil.python = this.#build;
		if (this.#elapsedMs !== undefined) gil.pythonElapsedMs = this.#elapsedMs;
		if (this.#cpuMs !== undefined) gil.pythonCpuMs = this.#cpuMs;
		if (this.#unavailable !== undefined) gil.unavailable = this.#unavailable;
		return {
			scene: this.#program.scene,
			clockMs: this.#main === 'starting' ? 0 : now - this.#origin,
			main: this.#main,
			threads,
			events: [],
			finished: this.finished,
			gil,
		};
	}

	#report(line: string): void {
		let report: Report;
		try {
			report = JSON.parse(line) as Report;
		} catch {
			return;
		}
		const now = epochNow();
		if (report.version !== undefined) {
			this.#build = {version: report.version, freeThreaded: report.freeThreaded === true, gil: report.gil !== false};
			if (typeof report.switchMs === 'number') this.#switchMs = report.switchMs;
		}
		if (report.calibrated !== undefined) {
			this.#iterations = report.calibrated;
			this.#calibrationMs = report.ms ?? 0;
		}
		if (report.go) {
			this.#origin = now;
			this.#main = 'joining';
		}
		const row = report.t === undefined ? undefined : this.#rows[report.t];
		if (row && row.state === 'new') {
			row.state = 'running';
			row.startMs = now - this.#origin;
		}
		if (row && report.p !== undefined) row.progress = Math.min(CPU_PROGRESS_UNITS, report.p);
		if (row && report.done) {
			row.state = 'done';
			row.endMs = now - this.#origin;
		}
		if (report.elapsed !== undefined) this.#elapsedMs = report.elapsed;
		if (report.cpuMs !== undefined) this.#cpuMs = report.cpuMs;
	}

	/** The child is gone: a run that did not finish says why, unless it was stopped on purpose. */
	#end(unavailable: string | undefined): void {
		if (this.#finishedAt !== undefined) return;
		if (unavailable !== undefined && !this.#aborted) {
			this.#unavailable = unavailable;
			for (const row of this.#rows) if (row.state === 'running') row.state = 'failed';
		}
		this.#main = 'done';
		this.#finishedAt = epochNow();
		Atomics.notify(this.shared.i32, H.events);
	}
}
