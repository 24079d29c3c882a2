import {useCallback, useRef} from 'react';
import {useInput, useStdin} from 'ink';

export type KeyName = 'left' | 'right' | 'up' | 'down' | 'escape' | 'ctrl+c' | 'ctrl+z' | (string & {});

/**
 * Keys by name, one call per key. Keys typed faster than a frame arrive
 * together (`nnn`): each counts. Inactive without a keyboard (stdin not a
 * TTY: a file, a pipe, /dev/null), where raw mode is not supported; Ink says
 * so with `undefined`, which `useInput` would take for "active".
 */
export function useKeys(onKey: (key: KeyName) => void): boolean {
	const keyboard = useStdin().isRawModeSupported === true;
	// One handler for the app's life: Ink re-subscribes to stdin whenever the handler changes,
	// and a new one at every redraw (30 a second while bars move) would do that every frame.
	const latest = useRef(onKey);
	latest.current = onKey;
	const handler = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
		const on = latest.current;
		if (key.ctrl && input === 'c') on('ctrl+c');
		else if (key.ctrl && input === 'z') on('ctrl+z');
		else if (key.escape) on('escape');
		else if (key.leftArrow) on('left');
		else if (key.rightArrow) on('right');
		else if (key.upArrow) on('up');
		else if (key.downArrow) on('down');
		else for (const character of input) on(character);
	}, []);
	useInput(handler, {isActive: keyboard});
	return keyboard;
}
