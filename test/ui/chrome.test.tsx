/** The chrome both apps share: keys dispatched through the key table, help, leaving, size and theme. */
import {useEffect} from 'react';
import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {Chrome, type ChromeOptions} from '../../source/ui/Chrome.js';
import type {Source} from '../../source/ui/sources.js';
import {makeTheme, useTheme} from '../../source/ui/theme.js';
import {renderWithoutKeyboard, settle, type, until} from '../helpers/ink.js';

const theme = makeTheme({color: false, ascii: true});

function Screen({chrome, log}: {chrome: Parameters<ChromeOptions['children']>[0]; log: string[]}) {
	const ascii = useTheme() === theme;
	useEffect(() => () => void log.push('gone'), [log]);
	const footer = chrome.keys.map((hint) => `${hint.keys} ${hint.action}`).join(' · ');
	return (
		<Text>
			{[footer, chrome.help ? chrome.helpKeys.length : 'no help', `${chrome.width}x${chrome.height}`, chrome.label, ascii].join('\n')}
		</Text>
	);
}

function simulated(log: string[]): Source {
	return {snapshots: [], label: 'simulated · seed 1', paused: false, togglePause: () => log.push('pause'), step: () => log.push('step')};
}

function chrome(log: string[], app: 'scene' | 'tour', leave = false, source = simulated(log)) {
	const on = {rerun: () => log.push('rerun'), select: () => log.push('select'), next: () => log.push('next'), back: () => log.push('back')};
	const context =
		app === 'scene'
			? ({app, view: 'race', selection: ['unsafe', 'mutex', 'atomic']} as const)
			: ({app, view: 'slide', selection: []} as const);
	return (
		<Chrome theme={theme} source={source} context={context} on={on} leave={leave}>
			{(props) => <Screen chrome={props} log={log} />}
		</Chrome>
	);
}

afterEach(cleanup);

describe('Chrome', () => {
	it("gives the scene app's keys to the scene app, and the source's to the source", async () => {
		const log: string[] = [];
		const {stdin, lastFrame, unmount} = render(chrome(log, 'scene'));
		await settle();
		expect(lastFrame()).toBe(
			'r run again · m mode: all · space pause · s step · ? help · q quit\nno help\n100x24\nsimulated · seed 1\ntrue',
		);
		// Keys are handled in order: the ones that do nothing here go first.
		await type(stdin, 'n', 'p', '\u001B[C', 'r', 'm', ' ', 's');
		await until(() => log.length >= 4);
		expect(log).toEqual(['rerun', 'select', 'pause', 'step']);
		await type(stdin, '?');
		await until(() => lastFrame()!.includes('\n6\n'));
		expect(lastFrame()).toContain('\n6\n');
		await type(stdin, '?');
		await until(() => lastFrame()!.includes('\nno help\n'));
		expect(lastFrame()).toContain('\nno help\n');
		unmount();
	});

	it("gives the tour's keys to the tour: space is the next slide there", async () => {
		const log: string[] = [];
		const {stdin, lastFrame, unmount} = render(chrome(log, 'tour'));
		expect(lastFrame()).toMatch(/^← back · → next · r rerun · \? help · q quit\n/);
		await type(stdin, 's', 'm', ' ', 'n', '\u001B[C', 'p', '\u001B[D', 'r');
		await until(() => log.length >= 6);
		expect(log).toEqual(['next', 'next', 'next', 'back', 'back', 'rerun']);
		unmount();
	});

	it.each([
		['q', 'q'],
		['Escape', '\u001B'],
		['Ctrl+C', '\u0003'],
	])('%s quits', async (_name, key) => {
		const log: string[] = [];
		const {stdin, unmount} = render(chrome(log, 'tour'));
		await type(stdin, key);
		await until(() => log.length > 0);
		expect(log).toEqual(['gone']);
		unmount();
	});

	it('without a keyboard shows no keys and leaves once the app says it is done', async () => {
		const log: string[] = [];
		const {instance, lastFrame} = renderWithoutKeyboard(chrome(log, 'scene', false));
		await settle();
		expect(lastFrame()).toMatch(/^\nno help\n80x24\n/);
		expect(log).toEqual([]);
		instance.rerender(chrome(log, 'scene', true));
		await instance.waitUntilExit();
		expect(log).toEqual(['gone']);
	});
});
