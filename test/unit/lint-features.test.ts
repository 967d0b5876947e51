// The feature rule of NetDesk's ESLint config (eslint/features.js): a feature that imports another
// feature's internals fails lint, by relative path, in screens and in tests; imports through the
// manifest, a declared entry point or a shared module pass. Lints text as if it sat at the path
// given, with the real config minus type-aware rules.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function featureErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'netdesk-features/features')
    .map((m) => m.message);
}

describe('the feature rule', { timeout: 60_000 }, () => {
  it.each([
    [
      'repair reads the directory from inside the people feature',
      'renderer/features/repair/feature-fixture.ts',
      "import type { Directory } from '../people/directory';",
    ],
    [
      "repair imports the people feature's screen code",
      'renderer/features/repair/feature-fixture.tsx',
      "import { PersonForm } from '../people/PersonForm';",
    ],
    [
      "search imports the devices feature's index feed",
      'renderer/features/search/feature-fixture.ts',
      "export { DeviceIndexFeed } from '../devices/device-index-feed';",
    ],
    [
      'a nested file reaches two folders up',
      'renderer/features/people/import/feature-fixture.ts',
      "const m = await import('../../repair/data/derived');",
    ],
    [
      'a test mocks another feature',
      'renderer/features/kpi/feature-fixture.test.ts',
      "vi.mock('../repair/RepairList');",
    ],
  ])('fails lint when %s', async (_case, filePath, code) => {
    const errors = await featureErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/another feature's internals/);
  });

  it.each([
    [
      'a feature imports its own files',
      'renderer/features/repair/feature-fixture.ts',
      "import { x } from './data';",
    ],
    [
      'the dashboard mounts a card',
      'renderer/features/dashboard/feature-fixture.tsx',
      "import { DeviceFlagsCard } from '../devices/DeviceFlagsCard';",
    ],
    [
      'Settings mounts a panel',
      'renderer/features/settings/feature-fixture.tsx',
      "import { SyncPanel } from '../sync/SyncPanel';",
    ],
    [
      "the devices drawer reads repair's data module",
      'renderer/features/devices/feature-fixture.tsx',
      "import { listCards } from '../repair/data';",
    ],
    [
      'a feature reads the shared directory',
      'renderer/features/repair/feature-fixture.ts',
      "import { useDirectory } from '../../directory/directory';",
    ],
    [
      'the manifest lists every feature',
      'renderer/features/manifest.ts',
      "import { x } from './repair/data/derived';",
    ],
  ])('passes when %s', async (_case, filePath, code) => {
    expect(await featureErrors(filePath, code)).toEqual([]);
  });
});
