/**
 * The interleavings scene in every output mode: piped (one line per bar, then the summary),
 * `--json`, frames (no clock runs here: at virtual second t the smallest outcome's first
 * schedule has taken 2t steps), and the live app. The real runs are skipped with --seed,
 * so that a seeded screen is the same every time.
 */
import React from 'react';
import type {WorkerPool} from '../engine/pool.js';
import {type RaceShape, countInterleavings} from '../model/interleavings.js';
import {schedulesEnding} from '../model/interleavings-examples.js';
import {barLines, interleavingsJson, summaryLines} from '../model/interleavings-text.js';
import {INTERLEAVINGS, realCheck} from '../lessons/interleavings.js';
import {InterleavingsView, steppingOf} from '../ui/components/InterleavingsView.js';
import {InterleavingsApp} from '../ui/InterleavingsApp.js';
import {footerKeys, helpKeys} from '../ui/keys.js';
import type {KeyContext} from '../ui/keys.js';
import {renderText} from './frames.js';
import {mount, themeOf} from './interactive.js';
import type {Options} from './options.js';
import type {Write} from './lines.js';

/** Frames take this many steps of the schedule per virtual second. */
export const STEPS_PER_SECOND = 2;

export const shapeOf = (options: Options): RaceShape => ({
	threads: options.threads,
	increments: options.increments,
	mode: options.modes[0] ?? 'unsafe',
});

/** Real runs are made only on real threads: not with --seed, and not for --runs 0. */
const realRuns = (options: Options) => (options.seed === undefined ? options.runs : 0);

/** Piped or --json: count, run the real check, print. */
export async function interleavingsHeadless(pool: WorkerPool, options: Options, write: Write): Promise<void> {
	const shape = shapeOf(options);
	const count = countInterleavings(shape);
	const real = realRuns(options) > 0 ? await realCheck(pool, shape, realRuns(options), options.workMicros) : undefined;
	if (options.json) write(JSON.stringify(interleavingsJson(shape, count, real)));
	else for (const line of [...barLines(shape, count, real), ...summaryLines(shape, count, real)]) write(line);
}

const CONTEXT: KeyContext = {app: 'scene', view: 'interleavings', simulated: false, paused: false, selection: []};

/** The screen at virtual second `time`: the smallest outcome's first schedule, stepped 2 steps a second. */
export function interleavingsFrame(options: Options, time: number, color = options.forceColor): string {
	const shape = shapeOf(options);
	const count = countInterleavings(shape);
	const stepping = steppingOf(shape, schedulesEnding(shape, count.minFinal), 0n, Math.floor(time * STEPS_PER_SECOND));
	const element = React.createElement(InterleavingsView, {
		shape,
		count,
		stepping,
		real: undefined,
		realTarget: 0,
		title: INTERLEAVINGS.title,
		code: INTERLEAVINGS.code,
		width: options.width,
		height: options.height,
		keys: footerKeys(CONTEXT),
		helpKeys: helpKeys(CONTEXT),
		help: false,
		label: `counted · seed ${options.seed ?? 0}`,
	});
	return renderText(element, {...options, color});
}

/** `--frames`: each frame after a line naming its time, as for every scene. */
export function printInterleavingsFrames(options: Options, write: Write): void {
	for (const time of options.frames ?? []) {
		write(`--- ${time} s ---`);
		write(interleavingsFrame(options, time));
	}
}

export function renderInterleavings(pool: WorkerPool, options: Options) {
	const shape = shapeOf(options);
	return mount(
		React.createElement(InterleavingsApp, {shape, pool, theme: themeOf(options), runs: realRuns(options), workMicros: options.workMicros}),
		options,
	);
}
