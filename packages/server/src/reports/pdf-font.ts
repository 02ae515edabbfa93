import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans CJK SC (as "Noto Sans Hans", SIL Open Font License 1.1), shipped in the @embedpdf/fonts-sc npm package:
 * it covers Chinese and Latin, so one face prints both languages. Read from node_modules, never downloaded.
 */
export interface ReportFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

let cached: ReportFonts | undefined;

/** The embedded fonts, read once per process. */
export function reportFonts(): ReportFonts {
  if (!cached) {
    const pkg = dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc'));
    const dir = join(pkg, '..', 'fonts');
    cached = {
      regular: readFileSync(join(dir, 'NotoSansHans-Regular.otf')),
      bold: readFileSync(join(dir, 'NotoSansHans-Bold.otf')),
    };
  }
  return cached;
}
