/**
 * Composition: what to run (a thread scene, the race, or both on the
 * dashboard), a warmed pool, the terminal, the keys. Everything drawn comes
 * from the snapshots `useRuns` samples from shared memory.
 */
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useApp, useInput, useStdin} from 'ink';
import type {KeyHint} from './components/Footer.js';
import {Screen} from './components/Screen.js';
import {ThemeContext, type Theme} from './components/theme.js';
import {COUNTER_MODES, type CounterMode} from './engine/jobs.js';
import type {WorkerPool} from './engine/pool.js';
import type {Snapshot} from './model/snapshot.js';
import {useRuns} from './hooks/use-runs.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {type View, lanesFor} from './view.js';

const HELP: readonly KeyHint[] = [
	{keys: 'r', action: 'run again (running threads are stopped and restarted)'},
	{keys: 'm', action: 'race: choose the mode shown and run next (unsafe, mutex, atomic, all)'},
	{keys: '?', action: 'show or hide this help'},
	{keys: 'q Esc Ctrl+C', action: 'quit'},
];

/** Race mode selection: a single mode, or all three in turn. */
const SELECTIONS: ReadonlyArray<readonly CounterMode[]> = [COUNTER_MODES, ['unsafe'], ['mutex'], ['atomic']];

export function App({view, pool, theme, fps}: {view: View; pool: WorkerPool; theme: Theme; fps: number}) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {columns, rows} = useTerminalSize();
	const initial = view.kind === 'race' ? Math.max(0, SELECTIONS.findIndex((s) => s.join() === view.modes.join())) : 0;
	const [selection, setSelection] = useState(initial);
	const [run, setRun] = useState({key: 0, selection: initial});
	const [help, setHelp] = useState(false);
	const lanes = useMemo(() => lanesFor(view, SELECTIONS[run.selection] ?? COUNTER_MODES), [view, run.selection]);
	const onError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))), [exit]);
	const snapshots = useRuns(pool, lanes, fps, theme.glyphs.spinnerInterval, run.key, onError);
	// Every race column keeps the last run of its mode.
	const latest = useRef(new Map<CounterMode, Snapshot>());
	for (const snapshot of snapshots.flat()) if (snapshot.race && snapshot.main.state !== 'starting') latest.current.set(snapshot.race.mode, snapshot);
	const finished = snapshots.every((lane) => lane.every((snapshot) => snapshot.finished));

	useInput(
		(input, key) => {
			if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
			else if (input === 'r') setRun((previous) => ({key: previous.key + 1, selection}));
			else if (input === '?') setHelp((shown) => !shown);
			else if (input === 'm' && view.kind === 'race') setSelection((s) => (s + 1) % SELECTIONS.length);
		},
		{isActive: isRawModeSupported},
	);

	// Without a keyboard nobody could press q: leave once everything is done.
	useEffect(() => {
		if (!isRawModeSupported && finished) exit();
	}, [isRawModeSupported, finished, exit]);

	const keys: KeyHint[] = isRawModeSupported
		? [{keys: 'r', action: 'run again'}, ...(view.kind === 'race' ? [{keys: 'm', action: `mode: ${(SELECTIONS[selection] ?? []).length > 1 ? 'all' : SELECTIONS[selection]?.[0]}`}] : []), {keys: '?', action: 'help'}, {keys: 'q', action: 'quit'}]
		: [];
	return (
		<ThemeContext.Provider value={theme}>
			<Screen view={view} snapshots={snapshots} latest={latest.current} selected={SELECTIONS[selection] ?? COUNTER_MODES} width={columns} height={rows} keys={keys} helpKeys={HELP} help={help} />
		</ThemeContext.Provider>
	);
}
