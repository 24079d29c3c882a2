/**
 * What the scene app and the tour share around their screens: the keys of the
 * key table (quit, Ctrl+Z, `?` help here; the rest handed to the app), the
 * terminal's size, leaving by itself without a keyboard, redrawing after `fg`,
 * and the theme. Each app keeps only what differs.
 */
import type React from 'react';
import {useEffect, useState} from 'react';
import {useApp} from 'ink';
import type {ChromeProps} from './components/Footer.js';
import {type Action, type KeyContext, actionFor, footerKeys, helpKeys} from './keys.js';
import {useKeys} from './hooks/use-keys.js';
import {useSuspend} from './hooks/use-suspend.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import type {Source} from './sources.js';
import {ThemeContext, type Theme} from './theme.js';

export interface ChromeOptions {
	theme: Theme;
	source: Source;
	/** Where the keys are pressed; simulated and paused are read from `source`. */
	context: Omit<KeyContext, 'simulated' | 'paused'>;
	/** The app's own actions (pause and step default to the source's). */
	on: Partial<Record<Action, () => void>>;
	/** Without a keyboard nobody can press q: the app ends once this is true. */
	leave: boolean;
	children(chrome: Required<ChromeProps>): React.ReactNode;
}

export function Chrome({theme, source, context, on, leave, children}: ChromeOptions) {
	const {exit} = useApp();
	const {columns, rows, cleared} = useTerminalSize();
	const [help, setHelp] = useState(false);
	const {hidden, suspend} = useSuspend();
	const keyContext: KeyContext = {...context, simulated: source.step !== undefined, paused: source.paused ?? false};
	const handlers: Partial<Record<Action, () => void>> = {
		pause: source.togglePause,
		step: source.step,
		...on,
		quit: exit,
		suspend,
		help: () => setHelp((shown) => !shown),
	};
	const keyboard = useKeys((key) => {
		const action = actionFor(key, keyContext);
		if (action) handlers[action]?.();
	});

	useEffect(() => {
		if (!keyboard && leave) exit();
	}, [keyboard, leave, exit]);

	// Nothing for one render after the screen was cleared (a resize, `fg`): Ink then writes the whole next frame.
	if (hidden || cleared) return null;
	return (
		<ThemeContext.Provider value={theme}>
			{children({
				width: columns,
				height: rows,
				keys: keyboard ? footerKeys(keyContext) : [],
				helpKeys: helpKeys(keyContext),
				help,
				label: source.label,
				registers: keyContext.simulated,
			})}
		</ThemeContext.Provider>
	);
}
