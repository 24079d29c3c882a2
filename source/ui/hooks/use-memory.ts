import {useEffect, useState} from 'react';
import type {Patcher} from '../live/patcher.js';

/** The process's resident memory in MB: every worker thread counts. */
const read = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);

/** How often the figure is read, and, while the patcher draws the frames, how often it may cost a render. */
const EVERY_MS = 1000;
const WHILE_PATCHING_MS = 5000;

/**
 * The memory, read once a second. While bars move the live patcher draws the frames, and a
 * new figure is the one thing that would render the whole screen again (256 rows: ~30 ms):
 * then it changes at most every five seconds.
 */
export function useMemory(patcher: Patcher | null): number {
	const [rss, setRss] = useState(read);
	useEffect(() => {
		let last = Date.now();
		const timer = setInterval(() => {
			const now = Date.now();
			if (patcher?.patchedSince(now - EVERY_MS) && now - last < WHILE_PATCHING_MS) return;
			last = now;
			setRss(read());
		}, EVERY_MS);
		return () => clearInterval(timer);
	}, [patcher]);
	return rss;
}
