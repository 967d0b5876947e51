import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentDependencyList,
  expectedDependencyList,
  productionDependencies,
  renderDependencyList,
  SECURITY_DOC,
  withDependencyList,
} from './security-deps';

describe('the production dependency list in docs/security.md', () => {
  it('matches package-lock.json (run `npm run security:deps` after changing dependencies)', () => {
    const current = currentDependencyList(readFileSync(SECURITY_DOC, 'utf8'));
    expect(current, 'docs/security.md has no dependency list').toBeDefined();
    expect(current).toBe(expectedDependencyList());
  });

  it('lists what a production install brings, with exact versions, and leaves build tools out', () => {
    const deps = productionDependencies({
      packages: {
        '': { name: 'netdesk', version: '0.1.0' },
        'node_modules/zod': { version: '4.6.7', license: 'MIT' },
        'node_modules/vitest': { version: '4.1.12', license: 'MIT', dev: true },
        'node_modules/fsevents': { version: '2.3.3', license: 'MIT', devOptional: true },
        'node_modules/electron': { version: '45.6.1', license: 'MIT', optional: true },
        'node_modules/exceljs/node_modules/@types/x': { version: '1.0.0' },
        'node_modules/local': { link: true },
      },
    });
    expect(deps).toEqual([
      { name: '@types/x', version: '1.0.0', license: 'unknown', optional: false },
      { name: 'electron', version: '45.6.1', license: 'MIT', optional: true },
      { name: 'zod', version: '4.6.7', license: 'MIT', optional: false },
    ]);
  });

  it('notices a version bump in the lock file', () => {
    const before = renderDependencyList([{ name: 'zod', version: '4.6.7', license: 'MIT', optional: false }]);
    const after = renderDependencyList([{ name: 'zod', version: '4.6.8', license: 'MIT', optional: false }]);
    const doc = withDependencyList('# Security\n', before);
    expect(currentDependencyList(doc)).toBe(before);
    expect(currentDependencyList(doc)).not.toBe(after);
    expect(currentDependencyList(withDependencyList(doc, after))).toBe(after);
  });
});
