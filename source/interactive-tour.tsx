import React from 'react';
import {type Instance, render} from 'ink';
import type {WorkerPool} from './engine/pool.js';
import {renderOptions, seedOf, themeOf} from './interactive.js';
import type {Options} from './options.js';
import {TourApp} from './tour/TourApp.js';
import type {Slide} from './tour/slides.js';

/** Mount the tour. */
export function renderTour(slides: readonly Slide[], pool: WorkerPool, options: Options, auto: number | undefined): Instance {
	return render(<TourApp slides={slides} pool={pool} theme={themeOf(options)} fps={options.fps} {...seedOf(options)} {...(auto === undefined ? {} : {auto})} />, renderOptions(options));
}
