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

/** Per colour and boldness, at chalk's level when they were made: what chalk writes before and after a plain text. */
const wrappers = {level: -1, plain: new Map<string, readonly [string, string]>(), bold: new Map<string, readonly [string, string]>()};

/**
 * `text` coloured (a chalk colour name or `#rrggbb`, as Ink's colorize takes them) and bold.
 * The table redraws every row up to 30 times a second: chalk's wrapping of a text without
 * codes or line breaks is looked up once per style, and the text put between (the same
 * bytes: test/ui/styled.test.ts).
 */
export function styled(text: string, style: Style): string {
	if (text.length === 0) return text;
	if (text.includes('\u001B') || text.includes('\n') || text.includes('\r')) return chalkStyled(text, style);
	if (wrappers.level !== chalk.level) {
		wrappers.level = chalk.level;
		wrappers.plain.clear();
		wrappers.bold.clear();
	}
	const table = style.bold ? wrappers.bold : wrappers.plain;
	const color = style.color ?? '';
	let wrapper = table.get(color);
	if (!wrapper) {
		const [open = '', close = ''] = chalkStyled('\u0000', style).split('\u0000');
		wrapper = [open, close];
		table.set(color, wrapper);
	}
	return wrapper[0] + text + wrapper[1];
}

/** What chalk itself makes of `text` in `style`. */
export function chalkStyled(text: string, {color, bold}: Style): string {
	let out = text;
	if (color) {
		if (color in chalk) out = (chalk as unknown as Record<string, (s: string) => string>)[color]!(out);
		else if (color.startsWith('#')) out = chalk.hex(color)(out);
	}
	if (bold) out = chalk.bold(out);
	return out;
}
