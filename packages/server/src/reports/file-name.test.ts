import { describe, expect, it } from 'vitest';
import { reportFileName } from './file-name';
import { reportData } from './test-fixtures';

describe('reportFileName', () => {
  it.each([
    {
      final: false,
      audience: 'person',
      locale: 'zh-CN',
      ext: 'pdf',
      name: 'checkup-2024-05-02-p-wang-person-zh-CN-preliminary.pdf',
    },
    {
      final: true,
      audience: 'physician',
      locale: 'en',
      ext: 'html',
      name: 'checkup-2024-05-02-p-wang-physician-en.html',
    },
  ] as const)('$name', ({ final, audience, locale, ext, name }) => {
    expect(reportFileName(reportData({ final }), audience, locale, ext)).toBe(name);
  });

  it('never carries the person’s name and keeps to safe characters', () => {
    const data = reportData();
    const name = reportFileName({ ...data, patient: { ...data.patient, id: '../王 x/y' } }, 'person', 'en', 'pdf');
    expect(name).not.toContain('/');
    expect(name).not.toContain('..');
    expect(name).toMatch(/^[\p{L}\p{N}._-]+$/u);
  });
});
