/**
 * Composition: a scene, a warmed pool, the terminal. Runs the scene on real
 * threads, draws it, and takes keys. Everything drawn comes from the snapshot.
 */
import React, {useCallback, useEffect, useMemo, useState} from 'react';
import {useApp, useInput, useStdin} from 'ink';
import type {WorkerPool} from './engine/pool.js';
import type {KeyHint} from './components/Footer.js';
import {SceneView} from './components/SceneView.js';
import {ThemeContext, type Theme} from './components/theme.js';
import {useSceneRun} from './hooks/use-scene-run.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {Scene, SceneOptions} from './scenes/index.js';

export const KEYS: readonly KeyHint[] = [
	{keys: 'r', action: 'run again'},
	{keys: '?', action: 'help'},
	{keys: 'q', action: 'quit'},
];
const HELP_KEYS: readonly KeyHint[] = [
	{keys: 'r', action: 'run the scene again (the threads are aborted and restarted)'},
	{keys: '?', action: 'show or hide this help'},
	{keys: 'q Esc Ctrl+C', action: 'quit'},
];

export interface AppProps {
	scene: Scene;
	options: SceneOptions;
	pool: WorkerPool;
	theme: Theme;
	fps: number;
}

export function App({scene, options, pool, theme, fps}: AppProps) {
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const {columns, rows} = useTerminalSize();
	const [runKey, setRunKey] = useState(0);
	const [help, setHelp] = useState(false);
	const program = useMemo(() => scene.program(options), [scene, options]);
	const onError = useCallback((error: unknown) => exit(error instanceof Error ? error : new Error(String(error))), [exit]);
	const snapshot = useSceneRun(pool, program, fps, theme.glyphs.spinnerInterval, runKey, onError);

	useInput(
		(input, key) => {
			if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
			else if (input === 'r') setRunKey((k) => k + 1);
			else if (input === '?') setHelp((shown) => !shown);
		},
		{isActive: isRawModeSupported},
	);

	// Without a keyboard nobody could press q: leave once the scene is done.
	useEffect(() => {
		if (!isRawModeSupported && snapshot.finished) exit();
	}, [isRawModeSupported, snapshot.finished, exit]);

	return (
		<ThemeContext.Provider value={theme}>
			<SceneView
				snapshot={snapshot}
				title={scene.title}
				lesson={scene.lesson}
				code={scene.code}
				label="real threads"
				width={columns}
				height={rows}
				keys={isRawModeSupported ? KEYS : []}
				helpKeys={HELP_KEYS}
				help={help}
			/>
		</ThemeContext.Provider>
	);
}
