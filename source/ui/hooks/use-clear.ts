import {useCallback, useEffect, useState} from 'react';
import {useStdout} from 'ink';
import {usePatcher} from '../live/LiveLines.js';

/**
 * Clearing the screen under Ink (a resize, `fg`): the live patcher is told first (nothing is
 * where it was), the screen is cleared (after `before`, e.g. hiding the cursor), and `blank` is
 * true for one render: drawing nothing then makes Ink write the whole next frame, which it
 * would skip if it came out the same as the last one it wrote.
 */
export function useClear(): {blank: boolean; clear(before?: string): void} {
	const {stdout} = useStdout();
	const patcher = usePatcher();
	const [blank, setBlank] = useState(false);
	useEffect(() => {
		if (!blank) return;
		const timer = setTimeout(() => setBlank(false), 0);
		return () => clearTimeout(timer);
	}, [blank]);
	const clear = useCallback(
		(before = '') => {
			patcher?.forget();
			stdout.write(`${before}\u001B[2J\u001B[H`);
			setBlank(true);
		},
		[stdout, patcher],
	);
	return {blank, clear};
}
