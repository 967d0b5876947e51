// The layer rule of NetDesk's own ESLint config (eslint.config.js, eslint/layers.js): each of the
// four nevers fails lint when broken, by relative path and by package, in product code and in
// tests; and imports that keep to the layers pass. Lints text as if it sat at the path given, with
// the real config minus type-aware rules (which would load the whole project, and are not what
// is tested here).
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'netdesk/layers').map((m) => m.message);
}

// The first lint loads the parser and the config: seconds on a busy machine.
describe('the layer rule', { timeout: 60_000 }, () => {
  it.each([
    [
      'shared imports electron/',
      'shared/pdf/layer-fixture.ts',
      "import { x } from '../../electron/services/font';",
    ],
    [
      'shared imports renderer/',
      'shared/layer-fixture.ts',
      "import type { X } from '../renderer/db/schema';",
    ],
    ['shared imports the electron package', 'shared/layer-fixture.ts', "import { app } from 'electron';"],
    [
      'renderer imports electron/',
      'renderer/features/layer-fixture.ts',
      "export * from '../../electron/services/files';",
    ],
    [
      'renderer imports the electron package',
      'renderer/layer-fixture.tsx',
      "const e = await import('electron');",
    ],
    [
      'electron imports renderer/',
      'electron/services/layer-fixture.ts',
      "import { x } from '../../renderer/db/repository';",
    ],
    [
      'a test in shared/ crosses too',
      'shared/pdf/forms/layer-fixture.test.ts',
      "import { y } from '../../../electron/services/font';",
    ],
    [
      'a test in electron/ crosses too',
      'electron/services/layer-fixture.test.ts',
      "vi.mock('../../renderer/sync/driver');",
    ],
    [
      'a type-only import() crosses too',
      'electron/preload/layer-fixture.ts',
      "type W = import('../../renderer/api/netdesk').X;",
    ],
  ])('fails lint when %s', async (_case, filePath, code) => {
    const errors = await layerErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import/);
  });

  it.each([
    [
      'renderer imports shared/',
      'renderer/features/layer-fixture.ts',
      "import { x } from '../../shared/ipc';",
    ],
    [
      'electron imports shared/',
      'electron/services/layer-fixture.ts',
      "import { x } from '../../shared/ipc';",
    ],
    [
      'electron imports the electron package',
      'electron/main/layer-fixture.ts',
      "import { app } from 'electron';",
    ],
    [
      'a test in test/ spans layers',
      'test/integration/layer-fixture.test.ts',
      "import { a } from '../../electron/services/font';\nimport { b } from '../../renderer/sync/driver';",
    ],
    [
      'a folder merely named like a layer',
      'renderer/features/layer-fixture.ts',
      "import { x } from './electron-free';",
    ],
  ])('passes when %s', async (_case, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
