#!/usr/bin/env node
// Every icon the installers need, drawn from the one source, assets/icon.svg: assets/icon.png
// (512 px, the app and Linux icon), assets/icons/<n>x<n>.png (the sizes Linux desktops and the
// AppImage pick from) and assets/icon.ico (Windows: the exe, the NSIS installer and its shortcuts;
// 16–256 px in one file). The outputs are checked in, so packaging needs no drawing tools;
// run `npm run icons` after changing the SVG. test/unit/electron-builder-config.test.ts checks
// they exist and match their sizes.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngToIco from 'png-to-ico';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = readFileSync(join(assets, 'icon.svg'));
const draw = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(assets, 'icons'), { recursive: true });
const pngs = new Map(ICON_SIZES.map((size) => [size, draw(size)]));
for (const [size, png] of pngs) writeFileSync(join(assets, 'icons', `${size}x${size}.png`), png);
writeFileSync(join(assets, 'icon.png'), pngs.get(512));
writeFileSync(join(assets, 'icon.ico'), await pngToIco(ICO_SIZES.map((size) => pngs.get(size))));
console.log(`icons written to ${assets}: ${ICON_SIZES.join(', ')} px, icon.png, icon.ico`);
