import React from 'react';
import {type Instance, render} from 'ink';
import {App} from './app.js';
import {makeTheme} from './components/theme.js';
import type {WorkerPool} from './engine/pool.js';
import type {Options} from './options.js';
import {TourApp} from './tour/TourApp.js';
import type {Slide} from './tour/slides.js';
import type {View} from './view.js';

/** Ctrl+C is handled as a key by the apps, so every quit goes through one path. */
const renderOptions = (options: Options) => ({exitOnCtrlC: false, patchConsole: false, maxFps: options.fps});
const themeOf = (options: Options) => makeTheme({color: options.color, ascii: options.ascii, name: options.theme});
const seedOf = (options: Options) => (options.seed === undefined ? {} : {seed: options.seed});

/** Mount the live view of a scene. */
export function renderInteractive(view: View, pool: WorkerPool, options: Options): Instance {
	return render(<App view={view} pool={pool} theme={themeOf(options)} fps={options.fps} {...seedOf(options)} />, renderOptions(options));
}

/** Mount the tour. */
export function renderTour(slides: readonly Slide[], pool: WorkerPool, options: Options, auto: number | undefined): Instance {
	return render(<TourApp slides={slides} pool={pool} theme={themeOf(options)} fps={options.fps} {...seedOf(options)} {...(auto === undefined ? {} : {auto})} />, renderOptions(options));
}
