// npm run demo -- <name>: bundles demos/<name>.tsx (any unique part of the name: `join`, `03`)
// with esbuild and runs it. `threadlab` resolves to this package itself (dist/, built first).
import {build} from 'esbuild';
import {readdirSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demos = readdirSync(`${root}/demos`)
	.filter((file) => file.endsWith('.tsx'))
	.sort();
const wanted = process.argv[2];
const matches = wanted ? demos.filter((file) => file.includes(wanted)) : [];
if (matches.length !== 1) {
	const why = wanted ? (matches.length === 0 ? `no demo matches "${wanted}"` : `"${wanted}" matches ${matches.join(', ')}`) : 'name a demo';
	process.stderr.write(`threadlab: ${why}; the demos are ${demos.map((file) => file.replace(/\.tsx$/, '')).join(', ')}\n`);
	process.exit(2);
}
// Inside the package (not node_modules), so `threadlab` resolves to the package itself.
const outfile = `${root}/.demo-build/${matches[0].replace(/\.tsx$/, '.mjs')}`;
await build({
	entryPoints: [`${root}/demos/${matches[0]}`],
	outfile,
	bundle: true,
	packages: 'external',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
