import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface TerminalSize {
	columns: number;
	rows: number;
}

/**
 * The terminal's size, following resizes. A size of 0 (a pty opened without one) counts as 80×24.
 * On a resize the screen is cleared first: the terminal has re-wrapped (or scrolled away) the
 * old frame, so erasing it line by line, as Ink does, would leave pieces of it behind.
 */
const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => {
			if (stdout.isTTY) stdout.write('\u001B[2J\u001B[H');
			setSize(sizeOf(stdout));
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
