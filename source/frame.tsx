/**
 * Deterministic frames: any scene, simulated with a seed, rendered at a
 * virtual time to plain text. The same model and components as the live app;
 * only the clock and the scheduler are simulated. Same bytes on every run.
 */
import React from 'react';
import {renderToString} from 'ink';
import chalk from 'chalk';
import {Screen} from './components/Screen.js';
import {ThemeContext, type ThemeName, asciiText, makeTheme} from './components/theme.js';
import {SimSession} from './engine/sim-session.js';
import {footerKeys, helpKeys} from './keys.js';
import {toSnapshots} from './model/snapshot.js';
import {type Options, UsageError, parseOptions} from './options.js';
import {times} from './rules.js';
import type {SceneName} from './scenes/index.js';
import {type View, lanesFor, viewFor} from './view.js';

export interface FrameOptions {
	scene?: SceneName;
	seed: number;
	/** Virtual seconds since the scene started. */
	time: number;
	width?: number;
	height?: number;
	threads?: number;
	sleep?: number;
	mode?: 'unsafe' | 'mutex' | 'atomic' | 'all';
	increments?: number;
	work?: number;
	/** ANSI colours in the frame (default: none). */
	color?: boolean;
	ascii?: boolean;
}

export const simulatedLabel = (seed: number) => `simulated · seed ${seed}`;

/** The options renderFrame takes; anything else is an error that names it. */
const FRAME_OPTIONS = ['scene', 'seed', 'time', 'width', 'height', 'threads', 'sleep', 'mode', 'increments', 'work', 'color', 'ascii'] as const;

/**
 * Options of a frame request, validated by the command line's rules on the typed values, with
 * messages that name the option as written in code (`width`, not `--width`).
 */
export function frameOptions(request: FrameOptions): Options {
	if (typeof request !== 'object' || request === null) {
		throw new UsageError(`renderFrame needs its options, like renderFrame({scene: 'race', seed: 1, time: 0.8}) (got ${request === null ? 'null' : typeof request})`);
	}
	const given = request as unknown as Record<string, unknown>;
	const unknown = Object.keys(given).filter((name) => given[name] !== undefined && !(FRAME_OPTIONS as readonly string[]).includes(name));
	if (unknown.length > 0) throw new UsageError(`renderFrame has no option ${unknown.join(', ')}; its options are ${FRAME_OPTIONS.join(', ')}`);
	for (const name of ['seed', 'time'] as const) {
		if (given[name] === undefined) throw new UsageError(`renderFrame needs ${name}, like renderFrame({scene: 'race', seed: 1, time: 0.8})`);
	}
	if (given['scene'] !== undefined && typeof given['scene'] !== 'string') throw new UsageError(`scene must be a scene's name (got ${JSON.stringify(given['scene'])})`);
	const {scene, time, color, ...rest} = given;
	if (color !== undefined && typeof color !== 'boolean') throw new UsageError(`color must be true or false (got ${JSON.stringify(color)})`);
	return parseOptions(scene === undefined ? [] : [scene as string], {...rest, frames: times(time, 'time', true)}, {}, 'option');
}

export interface TextOptions {
	width: number;
	height: number;
	color: boolean;
	ascii: boolean;
	theme?: ThemeName;
}

/** Any screen element as text: colours only when asked, at most `height` lines, trailing spaces trimmed. */
export function renderText(element: React.ReactElement, options: TextOptions): string {
	const level = chalk.level;
	chalk.level = options.color ? 3 : 0;
	try {
		const text = renderToString(<ThemeContext.Provider value={makeTheme({color: options.color, ascii: options.ascii, name: options.theme})}>{element}</ThemeContext.Provider>, {columns: options.width});
		const lines = text
			.split('\n')
			.map((line) => line.trimEnd())
			.slice(0, options.height)
			.join('\n');
		// Under --ascii nothing else may reach the page, whichever component drew it.
		return options.ascii ? asciiText(lines) : lines;
	} finally {
		chalk.level = level;
	}
}

/** A view's screen as the session stands, as text. */
export function drawFrame(view: View, session: SimSession, options: TextOptions & {seed?: number | undefined}): string {
	const snapshots = toSnapshots(session.samples());
	const selected = view.kind === 'race' ? view.modes : [];
	return renderText(
		<Screen view={view} snapshots={snapshots} selected={selected} width={options.width} height={options.height} keys={footerKeys(view, true, selected)} helpKeys={helpKeys(view, true)} help={false} label={simulatedLabel(options.seed ?? 0)} registers />,
		options,
	);
}

/**
 * The frame of `scene` with `seed` at virtual second `time`, as plain text.
 * For snapshot tests: `expect(renderFrame({scene: 'race', seed: 1, time: 0.8})).toMatchSnapshot()`.
 */
export function renderFrame(request: FrameOptions): string {
	const options = frameOptions(request);
	const view = viewFor(options);
	const session = new SimSession(lanesFor(view), options.seed ?? 0);
	session.advanceTo(request.time * 1000);
	return drawFrame(view, session, {...options, color: request.color === true});
}
