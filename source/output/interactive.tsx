import type React from 'react';
import {type Instance, render} from 'ink';
import isInCi from 'is-in-ci';
import {PatcherContext} from '../ui/live/LiveLines.js';
import {Patcher} from '../ui/live/patcher.js';
import {App} from '../ui/App.js';
import {MarkerContext} from '../ui/markers.js';
import {makeTheme} from '../ui/theme.js';
import {sceneStarted} from './record.js';
import type {WorkerPool} from '../engine/pool.js';
import type {Options} from './options.js';
import type {View} from '../lessons/view.js';

/**
 * Ctrl+C is handled as a key by the apps, so every quit goes through one path. The sources'
 * clock keeps redraws `1000 / fps` ms apart (ui/redraw.ts); Ink's own throttle is only a
 * guard against bursts, twice as fast: at the same rate its debounce timer races the clock's
 * and drops every other frame (measured: 15 frames a second at --fps 30).
 */
export const renderOptions = (options: Options, patcher: Patcher<NodeJS.WriteStream> | null = null) => ({
	exitOnCtrlC: false,
	patchConsole: false,
	maxFps: options.fps * 2,
	...(patcher ? {stdout: patcher.stdout, onRender: patcher.rendered} : {}),
});
export const themeOf = (options: Options) => makeTheme({color: options.color, ascii: options.ascii, name: options.theme});
export const seedOf = (options: Options) => (options.seed === undefined ? {} : {seed: options.seed, paused: options.paused});

/**
 * The live patcher (ui/live/) where Ink draws frame after frame on a terminal: not when Ink
 * writes only the last frame (CI) or plain text (a screen reader), where it would not know
 * where Ink's lines are.
 */
function patcherFor(stdout: NodeJS.WriteStream): Patcher<NodeJS.WriteStream> | null {
	const reader = process.env['INK_SCREEN_READER'] === 'true';
	return stdout.isTTY && !isInCi && !reader ? new Patcher(stdout) : null;
}

/** Mount an app, with the live recording's markers (if one runs) told of every scene and slide. */
export function mount(app: React.ReactElement, options: Options): Instance {
	const patcher = patcherFor(process.stdout);
	return render(
		<MarkerContext.Provider value={sceneStarted}>
			<PatcherContext.Provider value={patcher}>{app}</PatcherContext.Provider>
		</MarkerContext.Provider>,
		renderOptions(options, patcher),
	);
}

/** Mount the live view of a scene. */
export function renderInteractive(view: View, pool: WorkerPool, options: Options): Instance {
	return mount(<App view={view} pool={pool} theme={themeOf(options)} fps={options.fps} {...seedOf(options)} />, options);
}
