/** useKeys: every key by its name, keys typed together each count, and nothing at all without a keyboard. */
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {useKeys} from '../../source/ui/hooks/use-keys.js';
import {renderWithoutKeyboard, settle, type, until} from '../helpers/ink.js';

function Keys({log}: {log: string[]}) {
	const keyboard = useKeys((key) => log.push(key));
	return <Text>{keyboard ? 'keyboard' : 'no keyboard'}</Text>;
}

describe('useKeys', () => {
	it('names the keys as the key table does', async () => {
		const log: string[] = [];
		const {stdin, lastFrame, unmount} = render(<Keys log={log} />);
		// A lone Escape is told from the start of a sequence once nothing follows: it goes last.
		await type(stdin, 'q', ' ', '?', '\u001B[C', '\u001B[D', '\u0003', '\u001A', '\u001B');
		await until(() => log.length === 8);
		expect(log).toEqual(['q', ' ', '?', 'right', 'left', 'ctrl+c', 'ctrl+z', 'escape']);
		expect(lastFrame()).toBe('keyboard');
		unmount();
	});

	it('counts each of the keys typed faster than a frame (nnn moves three slides)', async () => {
		const log: string[] = [];
		const {stdin, unmount} = render(<Keys log={log} />);
		await type(stdin, 'nnn', 'rp');
		await until(() => log.length >= 5);
		expect(log).toEqual(['n', 'n', 'n', 'r', 'p']);
		unmount();
	});

	it('is inactive without a keyboard: no raw mode asked for, no key read', async () => {
		const log: string[] = [];
		// The pipe throws if raw mode is asked for; Ink would pass the error on to the render.
		const {instance, stdin, lastFrame} = renderWithoutKeyboard(<Keys log={log} />);
		await settle();
		stdin.write('q');
		stdin.write('\u0003');
		await settle(50);
		expect(log).toEqual([]);
		expect(lastFrame()).toBe('no keyboard');
		expect(stdin.listenerCount('readable')).toBe(0);
		instance.unmount();
	});
});
