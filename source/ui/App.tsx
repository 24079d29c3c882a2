/**
 * The scene app: what to run (a thread scene, the race, or both on the
 * dashboard), on real threads or simulated with a seed. Besides the shared
 * chrome it keeps the race's mode selection (`m`) and every race column's
 * last result.
 */
import {useMemo, useRef, useState} from 'react';
import {Chrome} from './Chrome.js';
import {Screen} from './components/Screen.js';
import {RunSource, type Source} from './sources.js';
import type {Theme} from './theme.js';
import type {CounterMode} from '../engine/jobs.js';
import type {WorkerPool} from '../engine/pool.js';
import {ORDER_SELECTIONS, SELECTIONS} from './keys.js';
import {type Snapshot, allFinished} from '../model/snapshot.js';
import {type View, lanesFor} from '../lessons/view.js';

export interface AppProps {
	view: View;
	pool: WorkerPool;
	theme: Theme;
	fps: number;
	/** Simulated with this seed instead of real threads. */
	seed?: number;
}

export function App({view, pool, theme, fps, seed}: AppProps) {
	const initial =
		view.kind === 'race'
			? Math.max(
					0,
					SELECTIONS.findIndex((s) => s.join() === view.modes.join()),
				)
			: 0;
	const [selection, setSelection] = useState(initial);
	const firstOrder =
		view.kind === 'deadlock'
			? Math.max(
					0,
					ORDER_SELECTIONS.findIndex((o) => o.join() === view.orders.join()),
				)
			: 0;
	const [run, setRun] = useState({key: 0, selection: initial, order: firstOrder});
	// Deadlock: `m` picks the orders and runs them at once (a deadlocked run would never end to make way).
	const shown = useMemo(
		(): View => (view.kind === 'deadlock' ? {...view, orders: [...(ORDER_SELECTIONS[run.order] ?? view.orders)]} : view),
		[view, run.order],
	);
	const lanes = useMemo(() => lanesFor(shown, SELECTIONS[run.selection]), [shown, run.selection]);
	return (
		<RunSource pool={pool} seed={seed} lanes={lanes} runKey={run.key} fps={fps} frameMs={theme.glyphs.spinnerInterval}>
			{(source) => (
				<Shell
					view={shown}
					theme={theme}
					source={source}
					selection={selection}
					onSelect={() =>
						view.kind === 'deadlock'
							? setRun((r) => ({...r, key: r.key + 1, order: (r.order + 1) % ORDER_SELECTIONS.length}))
							: setSelection((s) => (s + 1) % SELECTIONS.length)
					}
					onRerun={() => setRun((r) => ({...r, key: r.key + 1, selection}))}
				/>
			)}
		</RunSource>
	);
}

interface ShellProps {
	view: View;
	theme: Theme;
	source: Source;
	selection: number;
	onSelect(): void;
	onRerun(): void;
}

function Shell({view, theme, source, selection, onSelect, onRerun}: ShellProps) {
	const {snapshots} = source;
	const selected = SELECTIONS[selection] ?? SELECTIONS[0]!;
	// Every race column keeps the last run of its mode.
	const latest = useRef(new Map<CounterMode, Snapshot>());
	for (const snapshot of snapshots.flat())
		if (snapshot.race && snapshot.main.state !== 'starting') latest.current.set(snapshot.race.mode, snapshot);
	return (
		<Chrome
			theme={theme}
			source={source}
			context={{app: 'scene', view: view.kind, selection: selected, ...(view.kind === 'deadlock' ? {orders: view.orders} : {})}}
			on={{select: onSelect, rerun: onRerun}}
			// A deadlocked run never finishes: without a keyboard, leave once every run ended or is stuck for good.
			leave={allFinished(snapshots.map((lane) => lane.map((s) => (s.deadlock?.cycle ? {...s, finished: true} : s))))}
		>
			{(chrome) => <Screen {...chrome} view={view} snapshots={snapshots} latest={latest.current} selected={selected} />}
		</Chrome>
	);
}
