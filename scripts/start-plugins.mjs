// esbuild plugins for the CLI bundle's start-up: work that every start did before the first
// frame and that the first frame does not need (`npm run bench`, bench/RESULTS.md, goal 2).
// Each edit of a dependency is exact: if the dependency changes, the build stops and says
// which edit no longer applies.
import {readFileSync} from 'node:fs';
import {createRequire, isBuiltin} from 'node:module';
import {join} from 'node:path';
import {patch} from './bundle-plugins.mjs';

/**
 * meow evaluates two CommonJS bundles it carries as soon as it loads: normalize-package-data
 * (spdx-correct sorts its tables) and @babel/code-frame. It calls them only to read and
 * report a package.json, which the CLI hands it instead (`pkg`). Loading them when first
 * called takes ~15 ms off every start.
 */
export const lazyMeow = patch('lazy-meow', /[\\/]meow[\\/]build[\\/]dependencies\.js$/, [
	[
		'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
	],
	['var libExports = requireLib$1();', 'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};'],
]);

/**
 * Ink's ErrorOverview (what Ink draws when a component throws) builds a stack-utils parser
 * when it loads (~4 ms); it is built the first time an error is drawn instead.
 */
export const inkLazyStackUtils = patch('ink-lazy-stack-utils', /[\\/]ink[\\/]build[\\/]components[\\/]ErrorOverview\.js$/, [
	["import StackUtils from 'stack-utils';\n", ''],
	[
		'const stackUtils = new StackUtils({\n    cwd: cwd(),\n    internals: StackUtils.nodeInternals(),\n});',
		`let parser;
const stackUtils = {
    parseLine(line) {
        const StackUtils = require('stack-utils');
        parser ??= new StackUtils({cwd: cwd(), internals: StackUtils.nodeInternals()});
        return parser.parseLine(line);
    },
};`,
	],
]);

/**
 * The first Intl.Segmenter a process makes starts ICU (its locale and break rules): 15–30 ms,
 * the largest entry in the profile of the first frame. slice-ansi (Ink's clipping and
 * truncation) made one, and a Unicode-property expression, as it loaded; the first frame of a
 * scene clips and truncates nothing. Both are made the first time slice-ansi is called instead.
 */
export const lazyIcu = patch('lazy-icu', /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, [
	[
		'const EMOJI_PRESENTATION_GRAPHEME_REGEX = /\\p{Emoji_Presentation}/u;',
		'let emojiPresentation;\nconst EMOJI_PRESENTATION_GRAPHEME_REGEX = {test: (grapheme) => (emojiPresentation ??= /\\p{Emoji_Presentation}/u).test(grapheme)};',
	],
	[
		"const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
		"let graphemeSegmenter;\nconst GRAPHEME_SEGMENTER = {segment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)};",
	],
]);

/**
 * signal-exit (Ink's and restore-cursor's) loads Node's assert (~1–2 ms: its own modules) for
 * one check of its argument, which Ink's first render makes; assert loads only if it fails.
 */
export const lazyAssert = patch('lazy-assert', /[\\/]signal-exit[\\/]index\.js$/, [
	[
		"  var assert = require('assert')\n",
		"  var assert = {equal: (actual, expected, message) => actual == expected || require('assert').equal(actual, expected, message)}\n",
	],
]);

/**
 * Node's child_process (with dgram and its internals, ~1–2 ms) was loaded by three modules as
 * the bundle loaded: the Python lane (gil only), terminal-size's fallbacks and a meow helper,
 * none of which the first frame calls. Their imports get functions that load it when called.
 * A class (ChildProcess) is not wrapped: importing one fails the build (types are erased).
 */
export function lazyChildProcess(root) {
	const require = createRequire(join(root, 'package.json'));
	return {
		name: 'lazy-child-process',
		setup(b) {
			b.onResolve({filter: /^(node:)?child_process$/}, ({kind}) =>
				kind === 'import-statement' ? {path: 'child_process', namespace: 'lazy-child-process'} : undefined,
			);
			b.onLoad({filter: /.*/, namespace: 'lazy-child-process'}, () => {
				const names = Object.entries(require('node:child_process'))
					.filter(([name, value]) => typeof value === 'function' && /^[a-z]\w*$/.test(name))
					.map(([name]) => name);
				const calls = names.map((name) => `export const ${name} = (...args) => load().${name}(...args);`);
				return {
					resolveDir: root,
					loader: 'js',
					contents: `let loaded;\nconst load = () => (loaded ??= require('node:child_process'));\n${calls.join('\n')}\nexport default {${names.join(', ')}};\n`,
				};
			});
		},
	};
}

/**
 * An ES module that imports a CommonJS one gets a copy of its exports from esbuild's __toESM:
 * one getter per export, made again by every importing module. React was copied 53 times as
 * the bundle loaded (46 getters each), `process` 16 times (79 each): 8–9 ms of the first
 * frame (profiled, `c0`). Instead React and its JSX runtime are each put behind an ES module
 * that `require`s it once and exports its values, and so is a Node module that a file imports
 * only as a default (`import process from 'node:process'`): no other of its properties is read
 * (on Node 24 some of fs's are getters that warn). An import of a name a facade lacks fails the build.
 */
export function esmFacades(root) {
	const require = createRequire(join(root, 'package.json'));
	const sources = new Map();
	/** Every import of `specifier` in `importer` is of its default alone. */
	const defaultOnly = (importer, specifier) => {
		if (!sources.has(importer)) sources.set(importer, readFileSync(importer, 'utf8'));
		const imports = [...sources.get(importer).matchAll(/^import\s+([^'";]+?)\s+from\s+['"]([^'"]+)['"]/gm)];
		const of = imports.filter((match) => match[2] === specifier);
		return of.length > 0 && of.every((match) => /^[\w$]+$/.test(match[1]));
	};
	const exported = (path) =>
		Object.entries(Object.getOwnPropertyDescriptors(require(path)))
			.filter(([name, descriptor]) => 'value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
			.map(([name]) => name);
	return {
		name: 'esm-facades',
		setup(b) {
			b.onResolve({filter: /^[\w:/-]+$/}, ({path, kind, importer}) =>
				kind === 'import-statement' &&
				(path === 'react' || path === 'react/jsx-runtime' || (isBuiltin(path) && defaultOnly(importer, path)))
					? {path, namespace: 'esm-facade'}
					: undefined,
			);
			b.onLoad({filter: /.*/, namespace: 'esm-facade'}, ({path}) => ({
				resolveDir: root,
				loader: 'js',
				contents: `const m = require(${JSON.stringify(path)});\nexport default m;\n${
					isBuiltin(path) ? '' : `export const {${exported(path).join(', ')}} = m;\n`
				}`,
			}));
		},
	};
}

/**
 * yoga's WebAssembly, two edits (profiled and timed on Node 20):
 * - its bytes are a base64 data: URL in the loader, decoded by `atob` (in JavaScript on Node 20)
 *   and a loop of charCodeAt: ~6 ms of the first frame; Node's Buffer decodes them natively;
 * - the loader compiled and instantiated it asynchronously, starting in a promise callback
 *   that runs once the CLI first awaits (after parsing the command line); V8's async compile
 *   then needs the main thread's event loop between its steps, so the first frame waited
 *   ~10 ms for it with the main thread idle. The module is compiled and instantiated at once,
 *   as the bundle loads (1–2 ms: V8 compiles each function when first called either way), and
 *   the loader's promise resolves without waiting for a task. Failures go the loader's way.
 */
export const yogaWasm = patch('yoga-wasm', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
	[
		'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
		'var d=Buffer.from(a.slice(37),"base64")',
	],
	[
		'function c(e){return ya().then(function(f){return WebAssembly.instantiate(f,d)}).then(function(f){return f}).then(e,',
		'function c(e){var k;try{var g=new WebAssembly.Module(wa());k={instance:new WebAssembly.Instance(g,d),module:g}}catch(f){return Promise.reject(f).then(e,function(f){v("failed to asynchronously prepare wasm: "+f);x(f)})}return new Promise(function(r){r(e(k))});return Promise.resolve().then(e,',
	],
]);
