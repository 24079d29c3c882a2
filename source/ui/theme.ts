/**
 * Every colour and glyph threadlab draws with, in one place. With colour off
 * (`--no-color`, NO_COLOR) components get `undefined` colours and Ink emits
 * no colour codes; with `--ascii` every glyph is plain ASCII.
 */
import {createContext, useContext} from 'react';
import cliSpinners from 'cli-spinners';
import type {MainState, ThreadStateName} from '../model/types.js';

export type Shown = ThreadStateName | MainState;
type Color = string | undefined;

export interface Theme {
	color: boolean;
	ascii: boolean;
	state(state: Shown): Color;
	accent: Color;
	muted: Color;
	main: Color;
	bad: Color;
	good: Color;
	/** Model text for the screen: with --ascii, its `·`, `×`, `…`, `µ` and `—` become ASCII. */
	text(value: string): string;
	glyphs: {
		barFull: string;
		barEmpty: string;
		/** A cell 1/n … (n-1)/n full, so a bar can stop inside a cell: eighth blocks, or none in ASCII (whole cells). */
		barPartials: readonly string[];
		ellipsis: string;
		dot: string;
		times: string;
		done: string;
		failed: string;
		idle: string;
		/** Before "sleeping": the thread is parked in the kernel, nothing spins. */
		sleeping: string;
		/** Before "joining" and "waiting": blocked on another thread. */
		blocked: string;
		spinner: readonly string[];
		/** ms per spinner frame. */
		spinnerInterval: number;
	};
}

/** ▏ to ▉: one to seven eighths of a cell. */
export const EIGHTHS: readonly string[] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Steps a bar of `cells` cells can show with `partials` (a cell is partials + 1 steps). */
export const barSteps = (cells: number, partials: readonly string[]) => Math.max(0, cells) * (partials.length + 1);

export const THEME_NAMES = ['default', 'high-contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** For projectors and bright rooms: no grey, bright colours only. */
const HIGH_CONTRAST: Record<Shown, string> = {
	new: 'white',
	starting: 'white',
	sleeping: 'yellowBright',
	awake: 'greenBright',
	running: 'cyanBright',
	joining: 'magentaBright',
	waiting: 'redBright',
	holding: 'magentaBright',
	done: 'greenBright',
	failed: 'redBright',
};

const STATE_COLORS: Record<Shown, string> = {
	new: 'gray',
	starting: 'gray',
	sleeping: 'yellow',
	awake: 'greenBright',
	running: 'cyan',
	joining: 'magenta',
	waiting: 'red',
	holding: 'magenta',
	done: 'green',
	failed: 'red',
};

const ASCII: Record<string, string> = {
	'·': '-',
	'×': 'x',
	'…': '...',
	µ: 'u',
	'—': '-',
	'–': '-',
	'≈': '~',
	'≤': '<=',
	'▸': '>',
	'←': '<-',
	'→': '->',
	'•': '-',
};
/**
 * Any character of ASCII's keys. Built from a string, not written as a /[…]/ literal: esbuild
 * escapes strings to ASCII but keeps a literal's characters, and one such character made the
 * whole CLI bundle a two-byte string (slower to read and to load at every start).
 */
const NOT_ASCII = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'g');
/** Model text in ASCII: `·` → `-`, `×` → `x`, `…` → `...`; piped lines and recordings under --ascii too. */
export const asciiText = (value: string) => value.replace(NOT_ASCII, (c) => ASCII[c] ?? c);

/**
 * A spinner step, and how often the times on screen move while threads run. Bars move on
 * their own cadence: a redraw whenever one would show its next eighth (ui/redraw.ts).
 */
export const REDRAW_MS = 200;

export function makeTheme({
	color = true,
	ascii = false,
	name = 'default',
}: {
	color?: boolean;
	ascii?: boolean;
	name?: ThemeName | undefined;
} = {}): Theme {
	const pick = (value: string): Color => (color ? value : undefined);
	const high = name === 'high-contrast';
	const states = high ? HIGH_CONTRAST : STATE_COLORS;
	const spinner = ascii ? cliSpinners.line : cliSpinners.dots;
	return {
		color,
		ascii,
		state: (state) => pick(states[state]),
		text: ascii ? asciiText : (value) => value,
		accent: pick(high ? 'cyanBright' : 'cyan'),
		muted: pick(high ? 'white' : 'gray'),
		main: pick('magentaBright'),
		bad: pick(high ? 'redBright' : 'red'),
		good: pick(high ? 'greenBright' : 'green'),
		glyphs: ascii
			? {
					barFull: '#',
					barEmpty: '.',
					barPartials: [],
					ellipsis: '...',
					dot: '-',
					times: 'x',
					done: '+',
					failed: 'x',
					idle: '.',
					sleeping: 'z',
					blocked: '~',
					spinner: spinner.frames,
					spinnerInterval: REDRAW_MS,
				}
			: {
					barFull: '█',
					barEmpty: '░',
					barPartials: EIGHTHS,
					ellipsis: '…',
					dot: '·',
					times: '×',
					done: '✔',
					failed: '✖',
					idle: '·',
					sleeping: 'z',
					blocked: '○',
					spinner: spinner.frames,
					spinnerInterval: REDRAW_MS,
				},
	};
}

export const ThemeContext = createContext<Theme>(makeTheme());
export const useTheme = (): Theme => useContext(ThemeContext);
