import type { Organization, Practitioner, Resource } from '@medplum/fhirtypes';
import type { Profile } from './profile';

/** Ids of the shared organisations and practitioners every person's resources point to. */
export function sharedIds(profile: Profile): {
  checkupCentre: string;
  hospital: string;
  secondSource: string;
  gps: readonly string[];
} {
  const p = profile.idPrefix;
  return {
    checkupCentre: `${p}-org-checkup`,
    hospital: `${p}-org-hospital`,
    secondSource: `${p}-org-clinic-b`,
    gps: [1, 2, 3, 4].map((n) => `${p}-gp-${n}`),
  };
}

const NAMES = {
  china: {
    checkup: '康乐健康体检中心 (CareLoop Health Checkup Centre)',
    hospital: '仁和医院 (Renhe Hospital)',
    clinic: '社区卫生服务中心 (Community Health Centre)',
    gps: [
      ['张', 'Zhang', '敏', 'Min'],
      ['李', 'Li', '强', 'Qiang'],
      ['陈', 'Chen', '静', 'Jing'],
      ['刘', 'Liu', '洋', 'Yang'],
    ],
  },
  us: {
    checkup: 'CareLoop Wellness Center',
    hospital: 'Riverside General Hospital',
    clinic: 'Lakeside Family Clinic',
    gps: [
      ['', 'Morgan', '', 'Alex'],
      ['', 'Patel', '', 'Priya'],
      ['', 'Nguyen', '', 'Linh'],
      ['', 'Okafor', '', 'Chidi'],
    ],
  },
} as const;

/** The organisations and GPs of a profile, emitted once before the people. */
export function sharedResources(profile: Profile): Resource[] {
  const ids = sharedIds(profile);
  const n = NAMES[profile.key];
  const org = (id: string, name: string, type: string, display: string): Organization => ({
    resourceType: 'Organization',
    id,
    active: true,
    name,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: type, display }] }],
  });
  const gps: Practitioner[] = ids.gps.map((id, i) => {
    const [hanFamily = '', family = '', hanGiven = '', given = ''] = n.gps[i] ?? [];
    const names: Practitioner['name'] = [{ use: 'official', family, given: [given], prefix: ['Dr'] }];
    if (hanFamily)
      names.unshift({ use: 'official', text: `${hanFamily}${hanGiven}`, family: hanFamily, given: [hanGiven] });
    return { resourceType: 'Practitioner', id, active: true, name: names };
  });
  return [
    org(ids.checkupCentre, n.checkup, 'prov', 'Healthcare Provider'),
    org(ids.hospital, n.hospital, 'prov', 'Healthcare Provider'),
    org(ids.secondSource, n.clinic, 'prov', 'Healthcare Provider'),
    ...gps,
  ];
}

/** The GP a person is registered with (stable, so every module agrees). */
export function gpOf(person: { readonly profile: Profile; readonly options: { readonly index: number } }): string {
  const gps = sharedIds(person.profile).gps;
  return gps[person.options.index % gps.length] ?? '';
}
