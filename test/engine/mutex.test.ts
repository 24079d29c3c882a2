import {describe, expect, it} from 'vitest';
import {type LockCells, Mutex} from '../../source/engine/mutex.js';
import {H, RACE_LOCK, SharedState} from '../../source/engine/shared.js';
import {type Guarded, startLockWorker} from '../helpers/lock-threads.js';

const fresh = () => new Mutex(SharedState.create({threads: 2, events: 0, readLog: 0}).i32, RACE_LOCK);

describe('Mutex', () => {
	it('the race lock lives in the header cells', () => {
		expect(RACE_LOCK).toEqual({state: H.mutex, holder: H.holder, contended: H.contended});
	});

	it('knows its holder and releases', () => {
		const mutex = fresh();
		expect(mutex.holder).toBe(-1);
		expect(mutex.lock(1)).toBe(false);
		expect(mutex.holder).toBe(1);
		expect(mutex.unlock(1)).toBe(false); // nobody waited: nobody to wake
		expect(mutex.holder).toBe(-1);
		expect(Atomics.load(mutex.i32, H.mutex)).toBe(0);
	});

	it('refuses an unlock by a thread that does not hold it, and stays held', () => {
		const mutex = fresh();
		mutex.lock(0);
		expect(() => mutex.unlock(1)).toThrow('thread 1 unlocked a mutex held by thread 0');
		expect(mutex.holder).toBe(0);
		mutex.unlock(0);
		expect(() => mutex.unlock(0)).toThrow('thread 0 unlocked a mutex nobody holds');
	});

	it('tryLock takes a free lock and leaves a held one alone, without counting a wait', () => {
		const mutex = fresh();
		expect(mutex.tryLock(0)).toBe(true);
		expect(mutex.tryLock(1)).toBe(false);
		expect([mutex.holder, mutex.state, mutex.contended]).toEqual([0, 1, 0]);
	});

	it('a waiter: contend counts it, claim marks the lock contended, the unlock says to wake and claim takes it', () => {
		const mutex = fresh();
		mutex.tryLock(0);
		mutex.contend();
		expect(mutex.claim(1)).toBe(false); // still held: thread 1 would sleep now
		expect([mutex.holder, mutex.state, mutex.contended]).toEqual([0, 2, 1]);
		expect(mutex.unlock(0)).toBe(true);
		expect([mutex.holder, mutex.state]).toEqual([-1, 0]);
		expect(mutex.claim(1)).toBe(true);
		// The woken taker cannot know whether others still sleep: it keeps the lock marked contended.
		expect([mutex.holder, mutex.state]).toEqual([1, 2]);
		expect(mutex.unlock(1)).toBe(true);
		expect(mutex.lock(0)).toBe(false);
		expect([mutex.state, mutex.contended]).toEqual([1, 1]);
	});

	it('frees a lock whose holder died, waking every waiter; nobody else can abandon it', async () => {
		const mutex = fresh();
		mutex.lock(2);
		Atomics.store(mutex.i32, H.mutex, 2);
		mutex.abandon(1); // not the holder: nothing happens
		expect(mutex.holder).toBe(2);
		const waiting = Atomics.waitAsync(mutex.i32, H.mutex, 2);
		mutex.abandon(2);
		expect(await waiting.value).toBe('ok');
		expect(mutex.holder).toBe(-1);
		expect(mutex.lock(0)).toBe(false);
	});

	it('counts a contended acquisition and wakes the waiter', async () => {
		const mutex = fresh();
		mutex.lock(0);
		// Mark the lock contended as a sleeping taker would, then release: the unlock must notify.
		Atomics.store(mutex.i32, H.mutex, 2);
		const waiting = Atomics.waitAsync(mutex.i32, H.mutex, 2);
		mutex.unlock(0);
		expect(await waiting.value).toBe('ok');
		expect(Atomics.load(mutex.i32, H.mutex)).toBe(0);
	});
});

describe('several Mutexes in one buffer, on real worker threads', () => {
	// Two locks side by side and a counter for each: cells 0–2 and 3–5, counters 6 and 7.
	const A: Guarded = {cells: {state: 0, holder: 1, contended: 2}, counter: 6};
	const B: Guarded = {cells: {state: 3, holder: 4, contended: 5}, counter: 7};
	const cells = (lock: LockCells, i32: Int32Array) => [lock.state, lock.holder, lock.contended].map((cell) => i32[cell]);

	it('a lock held by one thread does not stop the takers of another', async () => {
		const buffer = new SharedArrayBuffer(8 * 4);
		const i32 = new Int32Array(buffer);
		const a = new Mutex(i32, A.cells);
		a.lock(9);
		const replies = await Promise.all(
			[0, 1, 2, 3].map((owner) => startLockWorker({buffer, owner, task: {kind: 'count', locks: [B], rounds: 20_000}})),
		);
		expect(replies.every((reply) => reply.ok)).toBe(true);
		expect(i32[B.counter]).toBe(80_000);
		const waited = replies.reduce((sum, reply) => sum + (reply.ok ? reply.waited : 0), 0);
		expect(new Mutex(i32, B.cells).contended).toBe(waited);
		// A was never touched: still held by 9, locked without waiters, no wait counted.
		expect(cells(A.cells, i32)).toEqual([1, 10, 0]);
		expect(i32[A.counter]).toBe(0);
		a.unlock(9);
	});

	it('threads taking both locks in turn keep both counters exact, and leave both free', async () => {
		const buffer = new SharedArrayBuffer(8 * 4);
		const i32 = new Int32Array(buffer);
		const replies = await Promise.all(
			[0, 1, 2, 3].map((owner) => startLockWorker({buffer, owner, task: {kind: 'count', locks: [A, B], rounds: 20_000}})),
		);
		expect(replies.every((reply) => reply.ok)).toBe(true);
		expect([i32[A.counter], i32[B.counter]]).toEqual([80_000, 80_000]);
		const waited = replies.reduce((sum, reply) => sum + (reply.ok ? reply.waited : 0), 0);
		expect(new Mutex(i32, A.cells).contended + new Mutex(i32, B.cells).contended).toBe(waited);
		expect(new Mutex(i32, A.cells).holder).toBe(-1);
		expect(new Mutex(i32, B.cells).holder).toBe(-1);
	});

	it('a thread that unlocks a lock it does not hold gets an error, and the lock stays held', async () => {
		const buffer = new SharedArrayBuffer(8 * 4);
		const i32 = new Int32Array(buffer);
		const a = new Mutex(i32, A.cells);
		a.lock(0);
		expect(await startLockWorker({buffer, owner: 1, task: {kind: 'unlock', cells: A.cells}})).toEqual({
			ok: false,
			message: 'thread 1 unlocked a mutex held by thread 0',
		});
		expect(await startLockWorker({buffer, owner: 1, task: {kind: 'unlock', cells: B.cells}})).toEqual({
			ok: false,
			message: 'thread 1 unlocked a mutex nobody holds',
		});
		expect([a.holder, a.state]).toEqual([0, 1]);
		a.unlock(0);
	});
});
