// Fonts for the CLI: the same Node font code the `pdf:font` service uses (electron/services/font.ts),
// so `netdesk pdf` and the app cut and check the font one way.
export { defaultFontPath, prepareFont, readFontFile, type PreparedFont } from '../services/font';
