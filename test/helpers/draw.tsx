/** Render a component the way the app does, at a fixed theme, and read the frame back as plain text. */
import type {ReactElement} from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {ThemeContext, makeTheme} from '../../source/ui/theme.js';

export const plain = makeTheme({color: false});
export const ascii = makeTheme({color: false, ascii: true});

/** The frame's lines, ANSI stripped, trailing spaces trimmed. */
export function draw(node: ReactElement, theme = plain): string[] {
	const {lastFrame, unmount} = render(<ThemeContext.Provider value={theme}>{node}</ThemeContext.Provider>);
	const frame = lastFrame() ?? '';
	unmount();
	return stripAnsi(frame)
		.split('\n')
		.map((line) => line.trimEnd());
}
