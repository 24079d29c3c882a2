import React from 'react';
import {type Instance, render} from 'ink';
import {App} from './app.js';
import {makeTheme} from './components/theme.js';
import type {WorkerPool} from './engine/pool.js';
import type {Options} from './options.js';
import type {View} from './view.js';

/** Mount the live view. Ctrl+C is handled as a key by the app, so every quit goes through one path. */
export function renderInteractive(view: View, pool: WorkerPool, options: Options): Instance {
	const theme = makeTheme({color: options.color, ascii: options.ascii});
	return render(<App view={view} pool={pool} theme={theme} fps={options.fps} {...(options.seed === undefined ? {} : {seed: options.seed})} />, {
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: options.fps,
	});
}
