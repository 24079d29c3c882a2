/**
 * useSuspend's wiring only: what it asks of stdin and stdout on Ctrl+Z and on SIGCONT. That a
 * real terminal comes back in raw mode after `kill -STOP`/`fg` is test/e2e/reliability.test.ts.
 */
import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {useSuspend} from '../../source/ui/hooks/use-suspend.js';
import {recordRawMode, renderWithoutKeyboard, settle, until} from '../helpers/ink.js';

let suspendNow: () => void = () => undefined;

function Suspendable({shown}: {shown: boolean[]}) {
	const {hidden, suspend} = useSuspend();
	suspendNow = suspend;
	shown.push(!hidden);
	return <Text>{hidden ? '' : 'screen'}</Text>;
}

const sigcont = () => process.emit('SIGCONT', 'SIGCONT');

afterEach(() => {
	cleanup();
	vi.restoreAllMocks();
});

describe('useSuspend', () => {
	it('on SIGCONT leaves raw mode and enters it again, clears the screen and draws it whole once', async () => {
		const shown: boolean[] = [];
		const listeners = process.listenerCount('SIGCONT');
		const {stdin, stdout, lastFrame, unmount} = render(<Suspendable shown={shown} />);
		await until(() => process.listenerCount('SIGCONT') > listeners);
		const rawMode = recordRawMode(stdin);
		const from = shown.length;
		sigcont();
		expect(rawMode).toEqual([false, true]);
		expect(stdout.frames.at(-1)).toBe('\u001B[?25l\u001B[2J\u001B[H');
		// Hidden for one render (so Ink writes the whole frame again), then back.
		await until(() => shown.length >= from + 2);
		expect(shown.slice(from)).toEqual([false, true]);
		expect(lastFrame()).toBe('screen');
		unmount();
		expect(process.listenerCount('SIGCONT')).toBe(listeners);
	});

	it('on Ctrl+Z gives the terminal back, then stops the process as job control would', async () => {
		const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
		const {stdin, stdout, unmount} = render(<Suspendable shown={[]} />);
		const rawMode = recordRawMode(stdin);
		suspendNow();
		expect(rawMode).toEqual([false]);
		expect(stdout.frames.at(-1)).toBe('\u001B[?25h');
		expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTSTP');
		unmount();
	});

	it('without a keyboard neither listens for SIGCONT nor stops', async () => {
		const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
		const listeners = process.listenerCount('SIGCONT');
		const {instance} = renderWithoutKeyboard(<Suspendable shown={[]} />);
		await settle();
		expect(process.listenerCount('SIGCONT')).toBe(listeners);
		suspendNow();
		expect(kill).not.toHaveBeenCalled();
		instance.unmount();
	});
});
