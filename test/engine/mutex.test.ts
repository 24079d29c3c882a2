import {describe, expect, it} from 'vitest';
import {Mutex} from '../../source/engine/mutex.js';
import {H, SharedState} from '../../source/engine/shared.js';

const fresh = () => new Mutex(SharedState.create({threads: 2, events: 0, readLog: 0}).i32);

describe('Mutex', () => {
	it('knows its holder and releases', () => {
		const mutex = fresh();
		expect(mutex.holder).toBe(-1);
		expect(mutex.lock(1)).toBe(false);
		expect(mutex.holder).toBe(1);
		mutex.unlock(1);
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
