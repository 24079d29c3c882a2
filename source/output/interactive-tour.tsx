import type {Instance} from 'ink';
import type {WorkerPool} from '../engine/pool.js';
import {mount, seedOf, themeOf} from './interactive.js';
import type {Options} from './options.js';
import {TourApp} from '../ui/TourApp.js';
import type {Slide} from '../lessons/tour.js';

/** Mount the tour. */
export function renderTour(slides: readonly Slide[], pool: WorkerPool, options: Options, auto: number | undefined): Instance {
	return mount(
		<TourApp
			slides={slides}
			pool={pool}
			theme={themeOf(options)}
			fps={options.fps}
			{...seedOf(options)}
			{...(auto === undefined ? {} : {auto})}
		/>,
		options,
	);
}
