import Fastify from 'fastify';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreRegistry } from '@careloop/core/clinical/scores/registry';
import { scoresApi } from './scores';

const app = Fastify();
await app.register(scoresApi, { prefix: '/api' });
afterAll(() => app.close());

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

const post = (id: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/scores/${id}`, payload: payload as object });

describe('GET /api/scores', () => {
  it('lists every score with names, source and input schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/scores' });
    expect(res.statusCode).toBe(200);
    const list = res.json<{ id: string; name: { en: string }; source: unknown[]; inputs: Record<string, unknown> }[]>();
    expect(list.map((s) => s.id)).toEqual([...scoreRegistry.keys()]);
    expect(list.find((s) => s.id === 'pce-ascvd-10y')?.inputs).toHaveProperty('hdl');
  });
});

describe('POST /api/scores/:id', () => {
  it(`answers what the CLI prints (${GOFF_APPENDIX})`, async () => {
    const res = await post('pce-ascvd-10y', APPENDIX_WOMAN);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      score: 'pce-ascvd-10y',
      value: 2.1,
      unit: '%',
      category: 'low',
      interpretation: { 'zh-CN': expect.any(String), en: expect.any(String) },
      source: expect.arrayContaining([expect.objectContaining({ doi: '10.1161/01.cir.0000437741.48606.98' })]),
      inputs: { age: 55, totalCholesterol: 213 },
    });
  });

  it('converts {value, unit} inputs (NKF CKD-EPI 2021 output in admiral: 65 y woman, 85 µmol/L → 66 G2)', async () => {
    const res = await post('ckd-epi-2021-egfr', { age: 65, sex: 'female', creatinine: { value: 85, unit: 'umol/L' } });
    expect(res.json()).toMatchObject({ value: 66, unit: 'mL/min/{1.73_m2}', category: 'G2' });
  });

  it('answers "not applicable" with the reason outside the validated population', async () => {
    const res = await post('pce-ascvd-10y', { ...APPENDIX_WOMAN, age: 80 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      score: 'pce-ascvd-10y',
      applicable: false,
      reason: { en: expect.stringMatching(/79/) },
    });
  });

  it('400 with one OperationOutcome issue per bad input, expression = the input name', async () => {
    const res = await post('pce-ascvd-10y', { ...APPENDIX_WOMAN, systolicBP: 20, sex: 'x', height: 170 });
    expect(res.statusCode).toBe(400);
    const oo = res.json<OperationOutcome>();
    expect(oo.resourceType).toBe('OperationOutcome');
    expect(oo.issue.map((i) => i.expression)).toEqual([['sex'], ['systolicBP'], ['height']]);
    expect(oo.issue.every((i) => i.severity === 'error' && i.code === 'invalid')).toBe(true);
    expect(oo.issue[1]?.details?.text).toMatch(/plausible range/);
  });

  it('400 when the body is not an object of inputs', async () => {
    const res = await post('pce-ascvd-10y', [1, 2]);
    expect(res.statusCode).toBe(400);
    expect(res.json<OperationOutcome>().resourceType).toBe('OperationOutcome');
  });

  it('404 OperationOutcome for an unknown score', async () => {
    const res = await post('no-such-score', APPENDIX_WOMAN);
    expect(res.statusCode).toBe(404);
    expect(res.json<OperationOutcome>()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-found' }],
    });
  });
});
