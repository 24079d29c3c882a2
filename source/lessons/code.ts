/**
 * The notebook's Python as a slide shows it: a long `threading.Thread(...)` call folded onto
 * continuation lines, so that the code fits beside the talking points at 80 columns. The
 * scenes keep the notebook's own lines; the tour folds them, and types none of its own.
 */

/** Split `a, b, (c, d)` at its top-level commas. */
function topLevelArguments(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '(') depth++;
		else if (c === ')') depth--;
		else if (c === ',' && depth === 0) {
			parts.push(text.slice(start, i).trim());
			start = i + 1;
		}
	}
	parts.push(text.slice(start).trim());
	return parts.filter((part) => part !== '');
}

/** One line folded: `x = f(a, b, c)` → `x = f(`, `    a, b,`, `    c)` when longer than `width`. */
export function foldCall(line: string, width = 44): string[] {
	const open = line.indexOf('(');
	if (line.length <= width || open === -1 || !line.endsWith(')')) return [line];
	const indent = ' '.repeat(line.length - line.trimStart().length + 4);
	const args = topLevelArguments(line.slice(open + 1, -1));
	const lines = [line.slice(0, open + 1)];
	let current = '';
	for (const [index, arg] of args.entries()) {
		const piece = `${arg}${index < args.length - 1 ? ',' : ')'}`;
		if (current !== '' && indent.length + current.length + 1 + piece.length > width) {
			lines.push(indent + current);
			current = piece;
		} else current = current === '' ? piece : `${current} ${piece}`;
	}
	return [...lines, indent + current];
}

export const foldCode = (code: readonly string[], width?: number): string[] => code.flatMap((line) => foldCall(line, width));
