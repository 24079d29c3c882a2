/**
 * The pooled worker. It idles until a `run` message hands it a job, then waits
 * on its own `go` cell: `thread.start()` on the main thread is one
 * `Atomics.notify`. It reports only through shared memory and one message when
 * it is finished; it never writes to stdout (that would tear Ink's frames).
 */
import {parentPort} from 'node:worker_threads';
import type {CounterMode, Job, RunMessage, WorkerReply} from './jobs.js';
import {calibrate, cpuJob} from './cpu-job.js';
import {Gil, abandonGil} from './gil.js';
import {lockPairThread, releaseLocks} from './lock-pair.js';
import {Mutex} from './mutex.js';
import {Code, Ev, F, H, RACE_LOCK, SharedState, T, epochNow} from './shared.js';

const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

function waitForGo(s: SharedState, t: number): boolean {
	const go = s.cell(t, T.go);
	while (Atomics.load(s.i32, go) === 0 && !s.aborted) Atomics.wait(s.i32, go, 0);
	return !s.aborted;
}

/** Block this thread for `ms`, waking early only when the run is aborted. */
function block(s: SharedState, t: number, ms: number): void {
	const cell = s.cell(t, T.sleep);
	const end = epochNow() + ms;
	for (let left = ms; left > 0 && !s.aborted; left = end - epochNow()) Atomics.wait(s.i32, cell, 0, left);
}

function injectFailure(job: Job): void {
	if (job.fail === 'throw') throw new Error('injected failure');
	if (job.fail === 'exit') process.exit(3);
}

/** Under a GIL (`job.gil`), as CPython's `time.sleep`: it holds the GIL to print, and lets go of it while it sleeps. */
function sleeper(s: SharedState, t: number, job: Extract<Job, {kind: 'sleep'}>): void {
	const gil = job.gil ? new Gil(s, t) : undefined;
	gil?.take();
	const start = epochNow();
	s.setTime(t, F.startAt, start);
	if (!gil) s.setState(t, Code.sleeping);
	s.emit(Ev.sleep, t, 0, start);
	gil?.release(Code.sleeping);
	if (job.fail) {
		block(s, t, job.ms / 2);
		injectFailure(job);
	}
	block(s, t, job.ms - (epochNow() - start));
	gil?.take();
	const wake = epochNow();
	s.setTime(t, F.wakeAt, wake);
	if (!gil) s.setState(t, Code.awake);
	s.emit(Ev.wake, t, 0, wake);
	gil?.release(Code.awake);
}

/** Spend `micros` of real time between the read and the write, as the notebook's I/O does. */
function work(s: SharedState, t: number, micros: number): void {
	if (micros > 0) Atomics.wait(s.i32, s.cell(t, T.sleep), 0, micros / 1000);
}

/** Increments between two publications of progress (and two looks at the abort flag) when there is no work. */
const BATCH = 1024;

/**
 * `--work 0`: nothing to wait for between the read and the write, so the loop is the lesson's
 * bare increments, one mode per loop. Progress is published every BATCH increments (the screen
 * reads it at each of its ticks). The mutex loop is lock, read, write, unlock: the counter is read
 * and written plainly inside the lock (its compare-exchange and release order them), and the
 * occupancy self-check is left to the loop with work (an exact count shows no update was lost).
 * A waiter still publishes `waiting`, then `holding` once it has the lock.
 */
function tightCounter(s: SharedState, t: number, mode: CounterMode, increments: number): void {
	const {i32} = s;
	const progress = s.cell(t, T.progress);
	const local = s.cell(t, T.local);
	const stateCell = s.cell(t, T.state);
	const counterCell = H.counter;
	const abortCell = H.abort;
	const mutex = new Mutex(i32, RACE_LOCK);
	const onWait = () => Atomics.store(i32, stateCell, Code.waiting);
	s.setTime(t, F.startAt, epochNow());
	s.setState(t, mode === 'mutex' ? Code.holding : Code.running);
	let value = 0;
	for (let done = 0; done < increments && Atomics.load(i32, abortCell) === 0; ) {
		const end = Math.min(increments, done + BATCH);
		if (mode === 'unsafe') {
			for (; done < end; done++) {
				value = Atomics.load(i32, counterCell);
				s.logRead(t, value);
				Atomics.store(i32, counterCell, value + 1);
			}
		} else if (mode === 'mutex') {
			for (; done < end; done++) {
				if (mutex.lock(t, onWait)) Atomics.store(i32, stateCell, Code.holding);
				value = i32[counterCell]!; // inside the lock: ordered by its acquire and release
				i32[counterCell] = value + 1;
				mutex.unlock(t);
			}
		} else {
			for (; done < end; done++) value = Atomics.add(i32, counterCell, 1);
		}
		Atomics.store(i32, local, value);
		Atomics.store(i32, progress, done);
	}
	s.setState(t, Code.running);
}

function counter(s: SharedState, t: number, job: Extract<Job, {kind: 'count'}>): void {
	if (job.workMicros === 0 && !job.fail) {
		tightCounter(s, t, job.mode, job.increments);
		return;
	}
	const {i32} = s;
	const progress = s.cell(t, T.progress);
	const local = s.cell(t, T.local);
	const stateCell = s.cell(t, T.state);
	const mutex = new Mutex(i32, RACE_LOCK);
	s.setTime(t, F.startAt, epochNow());
	s.setState(t, Code.running);
	const failAt = job.fail ? Math.floor(job.increments / 2) : -1;
	for (let i = 0; i < job.increments && !s.aborted; i++) {
		if (i === failAt) injectFailure(job);
		switch (job.mode) {
			case 'unsafe': {
				const value = Atomics.load(i32, H.counter);
				Atomics.store(i32, local, value);
				s.logRead(t, value);
				work(s, t, job.workMicros);
				Atomics.store(i32, H.counter, value + 1);
				break;
			}
			case 'mutex': {
				mutex.lock(t, () => Atomics.store(i32, stateCell, Code.waiting));
				Atomics.store(i32, stateCell, Code.holding);
				if (Atomics.add(i32, H.occupancy, 1) !== 0) throw new Error('two threads inside the critical section');
				const value = Atomics.load(i32, H.counter);
				Atomics.store(i32, local, value);
				work(s, t, job.workMicros);
				Atomics.store(i32, H.counter, value + 1);
				Atomics.sub(i32, H.occupancy, 1);
				mutex.unlock(t);
				Atomics.store(i32, stateCell, Code.running);
				break;
			}
			case 'atomic': {
				work(s, t, job.workMicros);
				Atomics.store(i32, local, Atomics.add(i32, H.counter, 1));
				break;
			}
		}
		Atomics.store(i32, progress, i + 1);
	}
}

/** A thread that fails inside the critical section must not take the lock with it. */
function releaseIfHeld(s: SharedState, t: number): void {
	const mutex = new Mutex(s.i32, RACE_LOCK);
	if (mutex.holder !== t) return;
	Atomics.store(s.i32, H.occupancy, 0);
	mutex.unlock(t);
}

port.on('message', (message: RunMessage) => {
	const s = new SharedState(message.buffer, message.dims);
	const t = message.thread;
	try {
		const {job} = message;
		if (waitForGo(s, t)) {
			if (job.kind === 'sleep') sleeper(s, t, job);
			else if (job.kind === 'count') counter(s, t, job);
			else if (job.kind === 'calibrate') calibrate(s, t, job);
			else if (job.kind === 'cpu') cpuJob(s, t, job, job.fail ? () => injectFailure(job) : undefined);
			else {
				const failAt = job.fail ? Math.floor(job.increments / 2) : -1;
				lockPairThread(s, t, job, (i) => i === failAt && injectFailure(job));
			}
		}
		s.setTime(t, F.endAt, epochNow());
		s.setState(t, Code.done);
		reply({type: 'finished'});
	} catch (error) {
		const text = error instanceof Error ? error.message : String(error);
		releaseIfHeld(s, t);
		abandonGil(s, t);
		releaseLocks(s, t);
		s.setTime(t, F.endAt, epochNow());
		s.emit(Ev.fail, t);
		s.setState(t, Code.failed);
		reply({type: 'failed', message: text});
	}
});
reply({type: 'ready'});
