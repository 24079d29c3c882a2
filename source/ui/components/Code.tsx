import {memo} from 'react';
import {Box, Text} from 'ink';
import {createEmphasize} from 'emphasize';
import python from 'highlight.js/lib/languages/python';
import {truncate} from '../../model/format.js';
import {useTheme} from '../theme.js';

const emphasize = createEmphasize({python});

/** The notebook's Python, syntax-coloured when colour is on; lines are cut to `width` first. */
export const Code = memo(function Code({lines, width}: {lines: readonly string[]; width: number}) {
	const theme = useTheme();
	const cut = lines.map((line) => truncate(line, width, theme.glyphs.ellipsis));
	const shown = theme.color ? emphasize.highlight('python', cut.join('\n')).value.split('\n') : cut;
	return (
		<Box flexDirection="column" width={width}>
			{shown.map((line, index) => (
				<Text key={index} wrap="truncate">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
});
