import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! ${pkg.name} ${pkg.version} */`;

/** Ships the hand-written declarations next to the bundles, under the name package.json points at. */
function declarations() {
  return {
    name: 'declarations',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'verto.d.ts', source: readFileSync(new URL('./types/index.d.ts', import.meta.url), 'utf8') });
    },
  };
}

export default {
  input: 'src/index.js',
  plugins: [declarations()],
  output: [
    { file: 'dist/verto.esm.js', format: 'es', banner, sourcemap: true },
    { file: 'dist/verto.umd.cjs', format: 'umd', name: 'Verto', banner, sourcemap: true, exports: 'named' },
  ],
};
