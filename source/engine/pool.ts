/**
 * A warmed pool of worker threads. Spawning a worker costs 15–30 ms here, so
 * workers are started ahead and reused: a scene's `thread.start()` is then a
 * single notify on shared memory. Workers are `unref`'d while idle, and
 * `terminate()` ends every one of them; call it on every exit path.
 */
import {existsSync, readFileSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import type {RunMessage, WorkerReply} from './jobs.js';

/**
 * The built worker script: beside this module in dist/, or dist/ when running from source (vitest).
 * CommonJS (worker.cjs): a worker that loads an ES module starts Node's ESM loader, ~0.3 MB per thread.
 */
export function workerUrl(): URL {
	const beside = new URL('./worker.cjs', import.meta.url);
	if (existsSync(beside)) return beside;
	return new URL('../../dist/worker.cjs', import.meta.url);
}

export type RunOutcome = {ok: true} | {ok: false; message: string};

export class WorkerPool {
	readonly #url: URL;
	/** The worker script's text, read once: see #spawn. */
	#code: string | undefined;
	readonly #idle: Worker[] = [];
	readonly #all = new Set<Worker>();
	/** What else the runs started (the Python lane's child process), each with how to end it. */
	readonly #others = new Set<() => void>();
	#spawning: Array<Promise<void>> = [];
	#closed = false;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(url: URL = workerUrl()) {
		this.#url = url;
	}

	/** Workers alive, idle or busy. */
	get size(): number {
		return this.#all.size;
	}

	/** Make sure `n` idle workers are ready. */
	async warm(n: number): Promise<void> {
		const missing = n - this.#idle.length - this.#spawning.length;
		for (let i = 0; i < missing; i++) this.#spawning.push(this.#spawn());
		const pending = this.#spawning;
		await Promise.all(pending);
		this.#spawning = this.#spawning.filter((p) => !pending.includes(p));
	}

	/** Take `n` ready workers out of the pool. Concurrent callers are served one after another. */
	async acquire(n: number): Promise<Worker[]> {
		const turn = this.#queue.then(async () => {
			while (this.#idle.length < n && !this.#closed) await this.warm(n);
			if (this.#closed) throw new Error('the worker pool is closed');
			return this.#idle.splice(0, n);
		});
		this.#queue = turn.catch(() => undefined);
		return turn;
	}

	/**
	 * Hand a job to an acquired worker. Resolves when the worker reports back or
	 * dies; the worker returns to the pool unless it died.
	 */
	run(worker: Worker, message: RunMessage): Promise<RunOutcome> {
		worker.ref();
		return new Promise((resolve) => {
			const settle = (outcome: RunOutcome, alive: boolean) => {
				worker.off('message', onMessage);
				worker.off('exit', onExit);
				worker.off('error', onError);
				if (alive && !this.#closed) {
					worker.unref();
					this.#idle.push(worker);
				}
				resolve(outcome);
			};
			const onMessage = (reply: WorkerReply) => {
				if (reply.type === 'finished') settle({ok: true}, true);
				else if (reply.type === 'failed') settle({ok: false, message: reply.message}, true);
			};
			const onError = (error: Error) => settle({ok: false, message: error.message}, false);
			const onExit = (code: number) => settle({ok: false, message: `worker exited with code ${code}`}, false);
			worker.on('message', onMessage);
			worker.once('error', onError);
			worker.once('exit', onExit);
			worker.postMessage(message);
		});
	}

	/**
	 * Something a run started besides workers (a child process): `stop` ends it when the pool is
	 * terminated, on every exit path. Returns how to forget it once it ended by itself.
	 */
	adopt(stop: () => void): () => void {
		if (this.#closed) stop();
		else this.#others.add(stop);
		return () => this.#others.delete(stop);
	}

	#stopOthers(): void {
		for (const stop of this.#others) stop();
		this.#others.clear();
	}

	/** End every worker. The pool refuses work afterwards. */
	async terminate(): Promise<void> {
		this.#closed = true;
		this.#stopOthers();
		const all = [...this.#all];
		this.#idle.length = 0;
		await Promise.all(all.map(async (worker) => worker.terminate()));
	}

	/** End every worker now, without waiting (for process exit handlers). */
	terminateNow(): void {
		this.#closed = true;
		this.#stopOthers();
		for (const worker of this.#all) void worker.terminate();
	}

	#spawn(): Promise<void> {
		// Its text, evaluated, not its path: a worker that loads a file resolves and reads it
		// through Node's CommonJS loader, ~0.1 MB of RSS per thread on Node 24 (bench/RESULTS.md, goal 3).
		this.#code ??= readFileSync(this.#url, 'utf8');
		const worker = new Worker(this.#code, {
			eval: true,
			stdout: true, // a worker's stdout must never reach the terminal
			stderr: true,
			resourceLimits: {maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1},
		});
		worker.stdout.resume();
		worker.stderr.resume();
		this.#all.add(worker);
		worker.once('exit', () => {
			this.#all.delete(worker);
			const index = this.#idle.indexOf(worker);
			if (index !== -1) this.#idle.splice(index, 1);
		});
		return new Promise((resolve, reject) => {
			worker.once('error', reject);
			worker.once('message', (reply: WorkerReply) => {
				worker.off('error', reject);
				if (reply.type !== 'ready') return reject(new Error(`worker said ${reply.type} before ready`));
				if (this.#closed) {
					void worker.terminate();
				} else {
					worker.unref();
					this.#idle.push(worker);
				}
				resolve();
			});
		});
	}
}
