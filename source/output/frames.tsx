/**
 * Deterministic frames: any scene, simulated with a seed, rendered at a
 * virtual time to plain text (cli/render-frame.ts is the library's way in). The same model and components as the live app;
 * only the clock and the scheduler are simulated. Same bytes on every run.
 */
import type React from 'react';
import {renderToString} from 'ink';
import chalk from 'chalk';
import {Screen} from '../ui/components/Screen.js';
import {ThemeContext, type ThemeName, asciiText, makeTheme} from '../ui/theme.js';
import type {SimSession} from '../engine/sim/session.js';
import {footerKeys, helpKeys, sceneContext} from '../ui/keys.js';
import {toSnapshots} from '../model/snapshot.js';
import type {View} from '../lessons/view.js';

export const simulatedLabel = (seed: number) => `simulated · seed ${seed}`;

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
		const text = renderToString(
			<ThemeContext.Provider value={makeTheme({color: options.color, ascii: options.ascii, name: options.theme})}>
				{element}
			</ThemeContext.Provider>,
			{columns: options.width},
		);
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
		<Screen
			view={view}
			snapshots={snapshots}
			selected={selected}
			width={options.width}
			height={options.height}
			keys={footerKeys(sceneContext(view, true, selected))}
			helpKeys={helpKeys(sceneContext(view, true, selected))}
			help={false}
			label={simulatedLabel(options.seed ?? 0)}
			registers
		/>,
		options,
	);
}
