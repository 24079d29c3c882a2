/**
 * Deterministic frames: any scene, simulated with a seed, rendered at a
 * virtual time to plain text. The same model and components as the live app;
 * only the clock and the scheduler are simulated. Same bytes on every run.
 */
import React from 'react';
import {renderToString} from 'ink';
import chalk from 'chalk';
import {Screen} from './components/Screen.js';
import {ThemeContext, type ThemeName, makeTheme} from './components/theme.js';
import {SimSession} from './engine/sim-session.js';
import {footerKeys, helpKeys} from './keys.js';
import {toSnapshots} from './model/snapshot.js';
import {type Options, parseOptions} from './options.js';
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

/** Options of a frame request, validated exactly like the command line's. */
export function frameOptions(request: FrameOptions): Options {
	const flags: Record<string, unknown> = {seed: String(request.seed), frames: String(request.time)};
	const numbers = ['threads', 'sleep', 'increments', 'work', 'width', 'height'] as const;
	for (const name of numbers) if (request[name] !== undefined) flags[name] = String(request[name]);
	if (request.mode !== undefined) flags['mode'] = request.mode;
	if (request.ascii) flags['ascii'] = true;
	return parseOptions(request.scene ? [request.scene] : [], flags);
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
		return text
			.split('\n')
			.map((line) => line.trimEnd())
			.slice(0, options.height)
			.join('\n');
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
