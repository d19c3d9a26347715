// Types for layering.mjs (plain JavaScript so that the check needs no build step).

export interface ImportSite {
  specifier: string;
  line: number;
}

export type Rule = 'upward' | 'undeclared' | 'relative' | 'unexported' | 'unplaced';

export interface Violation {
  /** Path relative to the repository root. */
  file: string;
  line: number;
  specifier: string;
  rule: Rule;
  /** One line: file:line, what was imported, why it is not allowed, how to fix it. */
  message: string;
}

export interface LayeringReport {
  violations: Violation[];
  files: number;
  packages: string[];
}

export const LEVELS: Readonly<Record<string, number>>;
export function tokenize(
  source: string,
): { type: 'id' | 'string' | 'template' | 'regex' | 'number' | 'punct'; value: string; line: number }[];
export function findImports(source: string): ImportSite[];
export function packageNameOf(specifier: string): string;
export function checkLayering(root: string): LayeringReport;
