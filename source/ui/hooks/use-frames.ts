import {useCallback, useRef, useState} from 'react';
import {type Snapshot, framesKey, stillKey} from '../../model/snapshot.js';
import {usePatcher} from '../live/LiveLines.js';
import type {BarSteps} from '../redraw.js';

export interface Frames {
	/** What the screen draws: the latest snapshots published. */
	snapshots: Snapshot[][];
	/** A new set: nothing to do (the same frame key), patched in place, or rendered. */
	publish(next: readonly (readonly Snapshot[])[]): void;
	/** A new run: the next set is rendered whatever it shows. */
	reset(): void;
}

/**
 * How a source's snapshots reach the screen. Unchanged frames (ui/redraw.ts keys them) are
 * dropped. When only time moved the thread rows and the running clock (the still key is the
 * same), the live patcher writes those lines in place where it can (ui/live/): no React
 * render, no layout, no rewrite of the whole screen. Everything else renders, and a render
 * (for any reason) draws the latest snapshots. `bars` says how many steps the bars show.
 */
export function useFrames(initial: () => Snapshot[][], frameMs: number, bars: BarSteps): Frames {
	const shown = useRef<Snapshot[][]>(null);
	shown.current ??= initial();
	// What this render draws: the patcher finds each run's rows among them.
	const drawn = useRef(shown.current);
	drawn.current = shown.current;
	const [, setRenders] = useState(0);
	const last = useRef({key: '', still: ''});
	const patcher = usePatcher();
	const publish = useCallback(
		(next: readonly (readonly Snapshot[])[]) => {
			const key = framesKey(next, frameMs, bars.steps || 100);
			if (key === last.current.key) return;
			last.current.key = key;
			const copy = next.map((lane) => [...lane]);
			shown.current = copy;
			const still = stillKey(copy, frameMs);
			if (patcher && still === last.current.still && patcher.patch(drawn.current!, copy)) return;
			last.current.still = still;
			setRenders((n) => n + 1);
		},
		[frameMs, bars, patcher],
	);
	const reset = useCallback(() => {
		last.current = {key: '', still: ''};
	}, []);
	return {snapshots: shown.current, publish, reset};
}
