// Types for test/electronegativity.mjs, so its unit test is checked like the rest.
export interface Finding {
  rule: string;
  file: string | null;
  line: number;
  message: string;
}
export interface Unreasoned {
  file: string;
  line: number;
  text: string;
}
export const OFFLINE_EXCLUDED: string[];
export function lockedElectronVersion(dir?: string): string;
export function shippedFiles(inputs: string[], base?: string): string[];
export function suppressionOn(line: string): { rules: string[]; reason: string } | null;
export function unreasonedSuppressions(files: string[], base?: string): Unreasoned[];
export function isSuppressed(finding: Finding, base?: string): boolean;
export function findingsOf(sarif: unknown): Finding[];
export function scan(opts?: { inputs?: string[]; base?: string; electronVersion?: string }): {
  files: string[];
  findings: Finding[];
  unreasoned: Unreasoned[];
};
