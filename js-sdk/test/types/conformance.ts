// The shipped declarations cannot drift from the code: `tsc -p tsconfig.json` checks the JS
// sources (JSDoc types, checkJs) and that the module they make satisfies every declaration.
import * as implementation from '../../src/index.js';
import type * as declared from '../../types/index.js';

export const conforms: typeof declared = implementation;
