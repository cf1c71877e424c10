import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'iife', write: false, metafile: true, define: { 'import.meta.env.MODE': '"production"', DEMO_PORT: '"4173"' }, logLevel: 'error' });
const out = r.outputFiles[0].contents; console.log('total gz', gzipSync(out, {level:9}).length, 'raw', out.length);
