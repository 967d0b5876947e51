// NetDesk's layer rule: what each of the three top folders may import, checked on every import
// form (static, dynamic, `import('…')` types, require) and by where a relative path lands, not
// only by package name. A file's layer is its first folder under the repository root:
//
//   shared/   pure domain: never electron/ or renderer/, never the electron package
//   renderer/ the page: never electron/ (it talks to window.netdesk), never the electron package
//   electron/ main process, services, CLI: never renderer/
//
// Tests inside a layer obey the same rule; tests that need two layers live in test/, which (like
// bench/) may import any layer.
import path from 'node:path';

/** For each layer, the folders it must not reach and the packages it must not load. */
const NEVER = {
  shared: { folders: ['electron', 'renderer'], packages: ['electron'] },
  renderer: { folders: ['electron'], packages: ['electron'] },
  electron: { folders: ['renderer'], packages: [] },
};

const WHY = {
  shared: 'shared/ is pure TypeScript that every layer uses; it imports only shared/.',
  renderer: 'The renderer has no Node: it reaches the main process through window.netdesk.',
  electron: 'The main process never loads page code; put what both need in shared/.',
};

function topFolder(root, file) {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep shared/, renderer/ and electron/ from importing what they must not.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      folder: "{{layer}}/ must not import {{target}}/ ('{{spec}}'). {{why}}",
      package: "{{layer}}/ must not import the '{{spec}}' package. {{why}}",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const layer = topFolder(root, file);
    const never = layer ? NEVER[layer] : undefined;
    if (!never) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || path.isAbsolute(spec)) {
        const target = topFolder(root, path.resolve(path.dirname(file), spec));
        if (target && never.folders.includes(target)) {
          context.report({ node, messageId: 'folder', data: { layer, target, spec, why: WHY[layer] } });
        }
        return;
      }
      const name = spec.split('/')[0];
      if (never.packages.includes(name)) {
        context.report({ node, messageId: 'package', data: { layer, spec, why: WHY[layer] } });
      }
    }
    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined);

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType(node) {
        // typescript-eslint 8 names the string `source`; older versions wrapped it in `argument`.
        const source = 'source' in node ? node.source : node.argument;
        check(node, literal(source?.literal ?? source));
      },
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        // vi.mock('…') names a module the test swaps in: it reaches that layer as much as an import.
        const isMock =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'vi' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'doMock', 'importActual'].includes(callee.property.name);
        if (isRequire || isMock) check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { layers: layersRule } };
