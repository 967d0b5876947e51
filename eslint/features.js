// NetDesk's feature rule: a feature (renderer/features/<feature>/) does not import another
// feature's internals. It may import another feature only through the manifest
// (renderer/features/manifest.ts, which lists every feature) or a declared public entry point:
//
//   - a dashboard card (`<Name>Card.tsx`), which the dashboard mounts;
//   - a settings panel (`<Name>Panel.tsx`, `<Name>Settings.tsx`), which Settings mounts;
//   - a file named in PUBLIC below, with the reason it is shared.
//
// What several features read that is no one feature's own (the company directory, pickers, the
// ledger's settings) lives outside renderer/features/: renderer/directory/, renderer/components/,
// renderer/db/. The manifest itself may import every feature. Checked by where an import lands,
// relative paths included; test/unit/lint-features.test.ts proves a forbidden import fails lint.
import path from 'node:path';

/** Declared entry points, per feature: path without extension, inside the feature folder. */
const PUBLIC = {
  // The repair data layer (reads and writes of cards), used by the devices drawer, the header
  // search and the KPI screen; the status tag and a person's cards drawer, opened from People and
  // the header search.
  repair: ['data', 'data/index', 'StatusTag', 'PersonRepairDrawer', 'use-repair'],
  // The device register as a screen reads it, and its formatting, used by purchase evaluations.
  devices: ['data', 'use-device-ledger', 'device-format'],
  // Purchase evaluations are a tab of the Devices screen.
  evaluations: ['EvaluationsTab'],
  // The quote library, which the training screen reads for its daily quote.
  culture: ['data'],
  // First-run setup offers the demo ledger the dashboard loads.
  dashboard: ['demo-data'],
  // A repair card made from a problem item of a routine check names the check it came from.
  checks: ['CheckFollowUp'],
  // The devices handover form asks, once a computer changed hands, which of its IM permissions
  // follow the new user.
  network: ['HandoverPermissions'],
};

const ENTRY_NAME = /(Card|Panel|Settings)$/;

function featureOf(root, file) {
  const rel = path.relative(path.join(root, 'renderer', 'features'), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1
    ? { feature: parts[0], inside: parts.slice(1).join('/') }
    : { feature: null, inside: rel };
}

function isEntryPoint(feature, inside) {
  const bare = inside.replace(/\.(tsx?|jsx?|mjs)$/, '');
  if (ENTRY_NAME.test(path.posix.basename(bare))) return true;
  return (PUBLIC[feature] ?? []).includes(bare);
}

/** @type {import('eslint').Rule.RuleModule} */
const featuresRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep each feature from importing another feature's internals." },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      internal:
        "renderer/features/{{from}}/ must not import {{to}}/{{inside}} ('{{spec}}'), another feature's " +
        'internals. Import its public entry point (eslint/features.js), or move what both need to ' +
        'renderer/components/, renderer/directory/ or shared/.',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const here = featureOf(root, file);
    // The manifest (and anything else directly in renderer/features/) lists the features.
    if (!here || here.feature === null) return {};

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = featureOf(root, path.resolve(path.dirname(file), spec));
      if (!target || target.feature === null || target.feature === here.feature) return;
      if (isEntryPoint(target.feature, target.inside)) return;
      context.report({
        node,
        messageId: 'internal',
        data: { from: here.feature, to: target.feature, inside: target.inside, spec },
      });
    }
    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType(node) {
        const source = 'source' in node ? node.source : node.argument;
        check(node, literal(source?.literal ?? source));
      },
      CallExpression(node) {
        const callee = node.callee;
        const isMock =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'vi' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'doMock', 'importActual'].includes(callee.property.name);
        if (isMock) check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { features: featuresRule } };
