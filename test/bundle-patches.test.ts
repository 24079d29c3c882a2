/**
 * The CLI bundle's Ink is patched for speed (scripts/bundle-plugins.mjs: string widths, styled
 * characters, the screen grid). The library uses Ink as published. Every scene's frames (the
 * tour has none), plain and in colour, must be the same bytes from both.
 */
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {PLAIN_ENV, root} from './helpers/run-node.js';
import {type FrameOptions, renderFrame} from '../source/cli/render-frame.js';

const cases: Array<[string[], Omit<FrameOptions, 'time' | 'seed'>, number[]]> = [
	[['sleepers'], {scene: 'sleepers'}, [0, 1.1, 2.5]],
	[['sequential', '-t', '3', '-s', '1'], {scene: 'sequential', threads: 3, sleep: 1}, [1.5, 3.5]],
	[['start'], {scene: 'start'}, [0.5, 2.5]],
	[['hello'], {scene: 'hello'}, [1, 2.5]],
	[['join'], {scene: 'join'}, [1, 2.5]],
	[['race', '-i', '200'], {scene: 'race', increments: 200}, [0.06, 0.3]],
	[['dashboard', '-i', '200'], {increments: 200}, [1, 2.5]],
	[['sleepers', '-t', '40', '-s', '30'], {scene: 'sleepers', threads: 40, sleep: 30}, [12]],
	[['sleepers', '--ascii'], {scene: 'sleepers', ascii: true}, [1]],
	[['gil', '--cpu', '200'], {scene: 'gil', cpu: 200}, [0.5, 2]],
];

/** `threadlab … --frames` output split back into frames. */
function cliFrames(args: string[], times: number[], width: number, color: boolean): string[] {
	const flags = ['--seed', '42', '--frames', times.join(','), '--width', String(width), '--height', '24', ...(color ? ['--color'] : [])];
	const out = execFileSync(process.execPath, [`${root}dist/cli.js`, ...args, ...flags], {env: PLAIN_ENV, encoding: 'utf8'});
	return out
		.split(/^--- [\d.]+ s ---\n/m)
		.slice(1)
		.map((frame) => frame.replace(/\n$/, ''));
}

describe('the CLI bundle draws what the library draws', () => {
	it.each(cases)('%j', (args, options, times) => {
		for (const width of [80, 40]) {
			for (const color of [false, true]) {
				const expected = times.map((time) => renderFrame({...options, seed: 42, time, width, height: 24, color}));
				expect(cliFrames(args, times, width, color)).toEqual(expected);
				if (color) expect(expected.join('')).toContain('\u001B[');
			}
		}
	});
});
