import React, {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from './theme.js';

export interface KeyHint {
	keys: string;
	action: string;
}

/** The keys, on one line: `r run again · ? help · q quit`. */
export const Footer = memo(function Footer({hints}: {hints: readonly KeyHint[]}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate">
			{hints.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? <Text color={theme.muted}> {theme.glyphs.dot} </Text> : null}
					<Text bold>{theme.text(hint.keys)}</Text> <Text color={theme.muted}>{theme.text(hint.action)}</Text>
				</Text>
			))}
		</Text>
	);
});
