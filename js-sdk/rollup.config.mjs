import { readFileSync } from 'node:fs';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} */`;
const PARTS = ['platform', 'options', 'events', 'api', 'partition', 'errors'];

/**
 * One declaration file from the parts in types/: their imports of each other and their `export {}`
 * markers go, one marker closes the whole (declarations not marked `export` stay private).
 */
function joinedDeclarations() {
  const body = PARTS.map((part) =>
    readFileSync(new URL(`./types/${part}.d.ts`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => !/^import type .* from '\.\/[a-z-]+\.js';$/.test(line) && line !== 'export {};')
      .join('\n')
      .trim(),
  );
  return `// Type declarations of ${pkg.name} ${pkg.version}.\n\n${body.join('\n\n')}\n\nexport {};\n`;
}

/**
 * Ships the hand-written declarations next to the bundles: `verto.d.ts` for `import` (the package
 * is `"type": "module"`) and the same text as `verto.d.cts` for `require`, so TypeScript reads
 * the CommonJS entry as CommonJS instead of an ES module in disguise.
 */
function shipDeclarations() {
  return {
    name: 'declarations',
    generateBundle() {
      const declarations = joinedDeclarations();
      this.emitFile({ type: 'asset', fileName: 'verto.d.ts', source: declarations });
      this.emitFile({ type: 'asset', fileName: 'verto.d.cts', source: declarations });
    },
  };
}

export default {
  input: 'src/index.js',
  plugins: [shipDeclarations()],
  output: [
    { file: 'dist/verto.esm.js', format: 'es', banner, sourcemap: true },
    { file: 'dist/verto.umd.cjs', format: 'umd', name: 'Verto', banner, sourcemap: true, exports: 'named' },
    // For a <script> tag: window.Verto.VertoClient
    { file: 'dist/verto.umd.min.js', format: 'umd', name: 'Verto', banner, sourcemap: true, exports: 'named', plugins: [terser({ format: { comments: /^!/ } })] },
  ],
};
