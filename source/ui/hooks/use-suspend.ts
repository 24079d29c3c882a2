import {useCallback, useEffect, useState} from 'react';
import {useStdin, useStdout} from 'ink';
import {usePatcher} from '../live/LiveLines.js';

/**
 * Ctrl+Z and `fg`. In raw mode the terminal sends Ctrl+Z as a key: `suspend` gives the terminal
 * back (cooked mode, cursor shown) and stops the process as the shell's job control would.
 * On SIGCONT (`fg`, or `kill -CONT` after `kill -TSTP`), whoever had the terminal meanwhile may
 * have put it back in cooked mode: raw mode is set again, and the screen is cleared and drawn
 * anew (`hidden` is true for one render, so Ink writes the whole frame again).
 */
export function useSuspend(): {hidden: boolean; suspend(): void} {
	const {stdin, isRawModeSupported} = useStdin();
	const {stdout} = useStdout();
	const patcher = usePatcher();
	const [hidden, setHidden] = useState(false);
	useEffect(() => {
		if (isRawModeSupported !== true) return;
		const onContinue = () => {
			// libuv skips a mode it believes is set already: leave raw mode, then enter it again.
			stdin.setRawMode(false);
			stdin.setRawMode(true);
			patcher?.forget();
			stdout.write('\u001B[?25l\u001B[2J\u001B[H');
			setHidden(true);
		};
		process.on('SIGCONT', onContinue);
		return () => {
			process.off('SIGCONT', onContinue);
		};
	}, [stdin, stdout, isRawModeSupported, patcher]);
	useEffect(() => {
		if (!hidden) return;
		const timer = setTimeout(() => setHidden(false), 0);
		return () => clearTimeout(timer);
	}, [hidden]);
	const suspend = useCallback(() => {
		if (isRawModeSupported !== true) return;
		stdin.setRawMode(false);
		stdout.write('\u001B[?25h');
		process.kill(process.pid, 'SIGTSTP');
	}, [stdin, stdout, isRawModeSupported]);
	return {hidden, suspend};
}
