/**
 * Composition: what to run (a thread scene, the race, or both on the
 * dashboard), on real threads or simulated with a seed, the terminal, the
 * keys. Everything drawn comes from snapshots; the data source is the only
 * difference between a live and a seeded run.
 */
import type React from 'react';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useApp, useStdin} from 'ink';
import {Screen} from './components/Screen.js';
import {ThemeContext, type Theme} from './theme.js';
import type {CounterMode} from '../engine/jobs.js';
import type {WorkerPool} from '../engine/pool.js';
import type {RunProgram} from '../engine/run.js';
import {useKeys} from './hooks/use-keys.js';
import {useMemory} from './hooks/use-memory.js';
import {useRuns} from './hooks/use-runs.js';
import {useSim} from './hooks/use-sim.js';
import {useSuspend} from './hooks/use-suspend.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {SELECTIONS, canStep, footerKeys, helpKeys} from './keys.js';
import {plural} from '../model/format.js';
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

export interface Source {
	snapshots: Snapshot[][];
	label: string;
	paused?: boolean;
	togglePause?(): void;
	step?(): void;
}

export type SourceProps = {
	lanes: readonly RunProgram[][];
	runKey: number;
	fps: number;
	frameMs: number;
	children: (source: Source) => React.ReactNode;
};

export function LiveSource({pool, lanes, runKey, fps, frameMs, children}: SourceProps & {pool: WorkerPool}) {
	const {exit} = useApp();
	const onError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))), [exit]);
	const snapshots = useRuns(pool, lanes, fps, frameMs, runKey, onError);
	// Read once a second: memory, and how many workers are up (256 take seconds to start).
	const rss = useMemory();
	return <>{children({snapshots, label: `real threads · ${plural(pool.size, 'worker')} · ${rss} MB`})}</>;
}

export function SimSource({seed, lanes, runKey, fps, frameMs, children}: SourceProps & {seed: number}) {
	const sim = useSim(lanes, seed, fps, frameMs, runKey);
	const label = `simulated · seed ${seed}${sim.paused ? ' · paused' : ''}`;
	return <>{children({...sim, label})}</>;
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
	const [run, setRun] = useState({key: 0, selection: initial});
	const lanes = useMemo(() => lanesFor(view, SELECTIONS[run.selection]), [view, run.selection]);
	const props = {lanes, runKey: run.key, fps, frameMs: theme.glyphs.spinnerInterval};
	const shell = (source: Source) => (
		<Shell
			view={view}
			theme={theme}
			source={source}
			selection={selection}
			onSelect={() => setSelection((s) => (s + 1) % SELECTIONS.length)}
			onRerun={() => setRun((r) => ({key: r.key + 1, selection}))}
		/>
	);
	return seed === undefined ? (
		<LiveSource {...props} pool={pool}>
			{shell}
		</LiveSource>
	) : (
		<SimSource {...props} seed={seed}>
			{shell}
		</SimSource>
	);
}

function Shell({
	view,
	theme,
	source,
	selection,
	onSelect,
	onRerun,
}: {
	view: View;
	theme: Theme;
	source: Source;
	selection: number;
	onSelect(): void;
	onRerun(): void;
}) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {columns, rows} = useTerminalSize();
	const [help, setHelp] = useState(false);
	const {hidden, suspend} = useSuspend();
	const {snapshots} = source;
	const simulated = source.step !== undefined;
	const selected = SELECTIONS[selection] ?? SELECTIONS[0]!;
	// Every race column keeps the last run of its mode.
	const latest = useRef(new Map<CounterMode, Snapshot>());
	for (const snapshot of snapshots.flat())
		if (snapshot.race && snapshot.main.state !== 'starting') latest.current.set(snapshot.race.mode, snapshot);
	const finished = allFinished(snapshots);

	useKeys((key) => {
		if (key === 'q' || key === 'escape' || key === 'ctrl+c') exit();
		else if (key === 'ctrl+z') suspend();
		else if (key === 'r') onRerun();
		else if (key === '?') setHelp((shown) => !shown);
		else if (key === 'm' && view.kind === 'race') onSelect();
		else if (key === ' ' && source.togglePause) source.togglePause();
		else if (key === 's' && source.step && canStep(view, simulated)) source.step();
	});

	// Without a keyboard nobody could press q: leave once everything is done.
	useEffect(() => {
		if (!isRawModeSupported && finished) exit();
	}, [isRawModeSupported, finished, exit]);

	if (hidden) return null;
	return (
		<ThemeContext.Provider value={theme}>
			<Screen
				view={view}
				snapshots={snapshots}
				latest={latest.current}
				selected={selected}
				width={columns}
				height={rows}
				keys={isRawModeSupported ? footerKeys(view, simulated, selected, source.paused) : []}
				helpKeys={helpKeys(view, simulated)}
				help={help}
				label={source.label}
				registers={simulated}
			/>
		</ThemeContext.Provider>
	);
}
