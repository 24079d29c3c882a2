import {useCallback, useEffect} from 'react';
import {useStdin, useStdout} from 'ink';
import {useClear} from './use-clear.js';

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
	const {blank: hidden, clear} = useClear();
	useEffect(() => {
		if (isRawModeSupported !== true) return;
		const onContinue = () => {
			// libuv skips a mode it believes is set already: leave raw mode, then enter it again.
			stdin.setRawMode(false);
			stdin.setRawMode(true);
			clear('\u001B[?25l');
		};
		process.on('SIGCONT', onContinue);
		return () => {
			process.off('SIGCONT', onContinue);
		};
	}, [stdin, isRawModeSupported, clear]);
	const suspend = useCallback(() => {
		if (isRawModeSupported !== true) return;
		stdin.setRawMode(false);
		stdout.write('\u001B[?25h');
		process.kill(process.pid, 'SIGTSTP');
	}, [stdin, stdout, isRawModeSupported]);
	return {hidden, suspend};
}
