/**
 * `renderFrame`: the library's deterministic frames. Options are checked by the command line's
 * own rules (FLAGS), on their typed values, and named as written in code.
 */
import {SimSession} from '../engine/sim/session.js';
import type {SceneName} from '../lessons/index.js';
import {lanesFor, viewFor} from '../lessons/view.js';
import {drawFrame} from '../output/frames.js';
import {interleavingsFrame} from '../output/interleavings.js';
import {type Options, UsageError, parseOptions} from './options.js';
import {times} from './rules.js';

export interface FrameOptions {
	scene?: SceneName;
	seed: number;
	/** Virtual seconds since the scene started. */
	time: number;
	width?: number;
	height?: number;
	threads?: number;
	sleep?: number;
	/** race: unsafe, mutex, atomic or all; deadlock: opposite, ordered or all. */
	mode?: 'unsafe' | 'mutex' | 'atomic' | 'opposite' | 'ordered' | 'all';
	increments?: number;
	work?: number;
	/** gil: each thread's CPU job, ms of one (simulated) core. */
	cpu?: number;
	/** ANSI colours in the frame (default: none). */
	color?: boolean;
	ascii?: boolean;
}

/** The options renderFrame takes; anything else is an error that names it. */
const FRAME_OPTIONS = [
	'scene',
	'seed',
	'time',
	'width',
	'height',
	'threads',
	'sleep',
	'mode',
	'increments',
	'work',
	'cpu',
	'color',
	'ascii',
] as const;

/**
 * Options of a frame request, validated by the command line's rules on the typed values, with
 * messages that name the option as written in code (`width`, not `--width`).
 */
export function frameOptions(request: FrameOptions): Options {
	if (typeof request !== 'object' || request === null) {
		throw new UsageError(
			`renderFrame needs its options, like renderFrame({scene: 'race', seed: 1, time: 0.8}) (got ${request === null ? 'null' : typeof request})`,
		);
	}
	const given = request as unknown as Record<string, unknown>;
	const unknown = Object.keys(given).filter((name) => given[name] !== undefined && !(FRAME_OPTIONS as readonly string[]).includes(name));
	if (unknown.length > 0)
		throw new UsageError(`renderFrame has no option ${unknown.join(', ')}; its options are ${FRAME_OPTIONS.join(', ')}`);
	for (const name of ['seed', 'time'] as const) {
		if (given[name] === undefined) throw new UsageError(`renderFrame needs ${name}, like renderFrame({scene: 'race', seed: 1, time: 0.8})`);
	}
	if (given['scene'] !== undefined && typeof given['scene'] !== 'string')
		throw new UsageError(`scene must be a scene's name (got ${JSON.stringify(given['scene'])})`);
	const {scene, time, color, ...rest} = given;
	if (color !== undefined && typeof color !== 'boolean') throw new UsageError(`color must be true or false (got ${JSON.stringify(color)})`);
	return parseOptions(scene === undefined ? [] : [scene as string], {...rest, frames: times(time, 'time', true)}, {}, 'option');
}

/**
 * The frame of `scene` with `seed` at virtual second `time`, as plain text.
 * For snapshot tests: `expect(renderFrame({scene: 'race', seed: 1, time: 0.8})).toMatchSnapshot()`.
 */
export function renderFrame(request: FrameOptions): string {
	const options = frameOptions(request);
	if (options.scene === 'interleavings') return interleavingsFrame(options, request.time, request.color === true);
	const view = viewFor(options);
	const session = new SimSession(lanesFor(view), options.seed ?? 0);
	session.advanceTo(request.time * 1000);
	return drawFrame(view, session, {...options, color: request.color === true});
}
