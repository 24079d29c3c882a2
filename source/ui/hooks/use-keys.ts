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
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'c') onKey('ctrl+c');
			else if (key.ctrl && input === 'z') onKey('ctrl+z');
			else if (key.escape) onKey('escape');
			else if (key.leftArrow) onKey('left');
			else if (key.rightArrow) onKey('right');
			else if (key.upArrow) onKey('up');
			else if (key.downArrow) onKey('down');
			else for (const character of input) onKey(character);
		},
		{isActive: keyboard},
	);
	return keyboard;
}
