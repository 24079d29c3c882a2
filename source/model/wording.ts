/**
 * The notebook's wording: the line a thread's event prints, and what a simulated step did.
 * Pure: a sample's parts in, text out.
 */
import {seconds} from './format.js';
import type {DeadlockSample, EventSample, Sample, ThreadSample} from './types.js';

/** Locks are named A, B, C… as on the slide. */
export const lockName = (k: number): string => String.fromCharCode(65 + k);

export function stepText(step: NonNullable<Sample['lastStep']>, threads: readonly ThreadSample[], locks?: DeadlockSample): string {
	const name = threads[step.thread]?.name ?? 'main';
	switch (step.kind) {
		case 'took':
			return `${name} took ${lockName(step.value)}`;
		case 'waits': {
			const holder = locks?.holders[step.value] ?? -1;
			return `${name} waits for ${lockName(step.value)}${holder >= 0 ? ` (held by ${threads[holder]?.name})` : ''}`;
		}
		case 'counted':
			return `${name} counted to ${step.value}`;
		case 'released':
			return `${name} released both locks`;
		case 'read':
			return `${name} read ${step.value}`;
		case 'work':
			return `${name} did its work (read ${step.value}, not yet written)`;
		case 'write':
			return `${name} wrote ${step.value}`;
		case 'overwrite':
			return `${name} wrote ${step.value}, erasing another thread's update: one is lost`;
		case 'add':
			return `${name} added 1 atomically to ${step.value}`;
		case 'lock':
			return `${name} asked for the lock`;
		case 'unlock':
			return `${name} released the lock`;
		case 'wake':
			return `${name} woke up`;
		default:
			return `${name}: ${step.kind}`;
	}
}

export function logText(event: EventSample, threads: readonly ThreadSample[]): string {
	const thread = threads[event.thread];
	const name = thread?.name ?? 'main';
	switch (event.kind) {
		case 'sleep':
			return `I am ${name}. Going to sleep for ${seconds(thread?.sleepSeconds ?? 0)} seconds`;
		case 'wake':
			return `${name} has woken up from sleep`;
		case 'print':
			return event.text ?? '';
		case 'fail':
			return `${name} failed: ${thread?.error ?? 'the thread ended unexpectedly'}`;
	}
}
