/**
 * Styled text as Ink's <Text color bold> makes it, as one string: the same chalk calls in
 * the same order (colour, then bold), so the bytes on screen are the same. A line built
 * this way is one Ink text node instead of one per coloured piece: at 30 redraws a second,
 * every row of the thread table is laid out and squashed once, not five times.
 */
import chalk from 'chalk';

export interface Style {
	color?: string | undefined;
	bold?: boolean | undefined;
}

/** `text` coloured (a chalk colour name or `#rrggbb`, as Ink's colorize takes them) and bold. */
export function styled(text: string, {color, bold}: Style): string {
	if (text.length === 0) return text;
	let out = text;
	if (color) {
		if (color in chalk) out = (chalk as unknown as Record<string, (s: string) => string>)[color]!(out);
		else if (color.startsWith('#')) out = chalk.hex(color)(out);
	}
	if (bold) out = chalk.bold(out);
	return out;
}
