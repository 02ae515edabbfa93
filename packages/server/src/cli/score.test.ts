import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreRegistry } from '@careloop/core/clinical/scores/registry';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'packages/server/bin/careloop.js');
const GOFF_APPENDIX = 'Goff 2014 Appendix 7 worked example: 55 y white woman, TC 213, HDL 50, SBP 120 untreated → 2.1%';
const APPENDIX_WOMAN = {
  age: 55,
  sex: 'female',
  race: 'white',
  totalCholesterol: 213,
  hdl: 50,
  systolicBP: 120,
  bpTreated: false,
  smoker: false,
  diabetic: false,
};

/** Runs the real `careloop` command (tsx from source), as a user would. */
function careloop(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('careloop score (spawned CLI)', () => {
  it('--list prints one line per score with its id and source; --json prints them as data', () => {
    const text = careloop('score', '--list');
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(scoreRegistry.size);
    expect(lines.find((l) => l.startsWith('pce-ascvd-10y '))).toMatch(/doi:10\.1161/);
    const json = careloop('score', '--list', '--json');
    const list = JSON.parse(json.stdout) as { id: string; source: unknown[] }[];
    expect(list.map((s) => s.id)).toEqual([...scoreRegistry.keys()]);
    expect(list.every((s) => s.source.length > 0)).toBe(true);
  });

  it(`computes a published example from inline JSON (${GOFF_APPENDIX})`, () => {
    const r = careloop('score', 'pce-ascvd-10y', '--input', JSON.stringify(APPENDIX_WOMAN));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ score: 'pce-ascvd-10y', value: 2.1, unit: '%', category: 'low' });
    expect(Object.keys(out.interpretation)).toEqual(['zh-CN', 'en']);
    expect(out.source[0].doi).toBe('10.1161/01.cir.0000437741.48606.98');
    expect(out.inputs).toMatchObject({ age: 55, hdl: 50 });
  });

  it('reads --input from a file, with units converted (NKF CKD-EPI 2021 output in admiral: 65 y woman, 85 µmol/L → 66)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'careloop-score-')), 'in.json');
    writeFileSync(file, JSON.stringify({ age: 65, sex: 'female', creatinine: { value: 85, unit: 'umol/L' } }));
    const r = careloop('score', 'ckd-epi-2021-egfr', '--input', file);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 'ckd-epi-2021-egfr', value: 66, category: 'G2' });
  });

  it('prints "not applicable" with the reason outside the validated population (PCE at 30 years)', () => {
    const r = careloop('score', 'pce-ascvd-10y', '--input', JSON.stringify({ ...APPENDIX_WOMAN, age: 30 }));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ score: 'pce-ascvd-10y', applicable: false });
    expect(out.reason.en).toMatch(/40/);
    expect(out.value).toBeUndefined();
  });

  it.each([
    {
      args: ['pce-ascvd-10y', '--input', JSON.stringify({ ...APPENDIX_WOMAN, systolicBP: 20, sex: 'x' })],
      stderr: /systolicBP.*sex|sex[\s\S]*systolicBP/,
    },
    { args: ['nope', '--input', '{}'], stderr: /unknown score "nope"/ },
    { args: ['pce-ascvd-10y', '--input', '{"age": }'], stderr: /JSON/ },
    { args: ['pce-ascvd-10y', '--input', '/no/such/file.json'], stderr: /neither JSON nor a readable file/ },
    { args: ['pce-ascvd-10y'], stderr: /--input/ },
  ])('exits 2 with a clear message: $args.0 $args.2', ({ args, stderr }) => {
    const r = careloop('score', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(r.stdout).toBe('');
  });
});
