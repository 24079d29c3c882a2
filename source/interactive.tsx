import React from 'react';
import {type Instance, render} from 'ink';
import {App} from './app.js';
import {makeTheme} from './components/theme.js';
import type {WorkerPool} from './engine/pool.js';
import type {Options} from './options.js';
import type {View} from './view.js';

/** Ctrl+C is handled as a key by the apps, so every quit goes through one path. */
export const renderOptions = (options: Options) => ({exitOnCtrlC: false, patchConsole: false, maxFps: options.fps});
export const themeOf = (options: Options) => makeTheme({color: options.color, ascii: options.ascii, name: options.theme});
export const seedOf = (options: Options) => (options.seed === undefined ? {} : {seed: options.seed});

/** Mount the live view of a scene. */
export function renderInteractive(view: View, pool: WorkerPool, options: Options): Instance {
	return render(<App view={view} pool={pool} theme={themeOf(options)} fps={options.fps} {...seedOf(options)} />, renderOptions(options));
}
