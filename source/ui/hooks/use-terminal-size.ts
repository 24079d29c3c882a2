import {useEffect, useState} from 'react';
import {useStdout} from 'ink';
import {useClear} from './use-clear.js';

export interface TerminalSize {
	columns: number;
	rows: number;
	/**
	 * True for one render after a resize cleared the screen: drawing nothing then makes Ink
	 * write the whole next frame, which it would skip if it came out the same as before.
	 */
	cleared: boolean;
}

/**
 * The terminal's size, following resizes. A size of 0 (a pty opened without one) counts as 80×24.
 * On a resize the screen is cleared first: the terminal has re-wrapped (or scrolled away) the
 * old frame, so erasing it line by line, as Ink does, would leave pieces of it behind.
 */
const sizeOf = (stdout: NodeJS.WriteStream) => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	const {blank: cleared, clear} = useClear();
	useEffect(() => {
		const onResize = () => {
			if (stdout.isTTY) clear();
			setSize(sizeOf(stdout));
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, clear]);
	return {...size, cleared};
}
