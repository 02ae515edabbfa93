import type { AuditEvent, Claim, Consent, ExplanationOfBenefit, Provenance, Task } from '@medplum/fhirtypes';
import { LOINC, REF, SNOMED } from './validator-fixtures-people';

/* Workflow, governance and billing fixtures (Synthea's Claim/ExplanationOfBenefit shape; see validator-fixtures-people). */

export const task: Task = {
  resourceType: 'Task',
  id: 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01',
  status: 'requested',
  intent: 'order',
  priority: 'routine',
  code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
  description: 'Repeat fasting glucose in 3 months',
  focus: { reference: REF.observation },
  for: { reference: REF.patient },
  authoredOn: '2019-05-02T09:30:00+00:00',
  restriction: { period: { end: '2019-08-02T00:00:00+00:00' } },
  owner: { reference: REF.practitioner },
};

export const provenance: Provenance = {
  resourceType: 'Provenance',
  id: 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a02',
  target: [{ reference: REF.observation }, { reference: REF.condition }],
  recorded: '2019-05-02T09:30:00.000+00:00',
  agent: [
    {
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }],
      },
      who: { reference: REF.device, display: 'CareLoop checkup engine 0.1.0' },
      onBehalfOf: { reference: REF.organization },
    },
    {
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'verifier' }],
      },
      who: { reference: REF.practitioner },
    },
  ],
  entity: [{ role: 'source', what: { reference: REF.observation } }],
  signature: [
    {
      type: [
        { system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.5', display: 'Verification Signature' },
      ],
      when: '2019-05-02T10:00:00+00:00',
      who: { reference: REF.practitioner },
      sigFormat: 'application/jose',
      data: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjkuLg==',
    },
  ],
};

export const auditEvent: AuditEvent = {
  resourceType: 'AuditEvent',
  id: 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a03',
  type: {
    system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
    code: 'rest',
    display: 'RESTful Operation',
  },
  subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read', display: 'read' }],
  action: 'R',
  recorded: '2019-05-02T10:05:11.120+00:00',
  outcome: '0',
  agent: [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
      who: { reference: REF.practitioner },
      requestor: true,
      network: { address: '10.0.0.12', type: '2' },
    },
  ],
  source: {
    site: 'careloop',
    observer: { display: 'CareLoop server' },
    type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4' }],
  },
  entity: [
    {
      what: { reference: REF.patient },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
    },
  ],
};

export const consent: Consent = {
  resourceType: 'Consent',
  id: 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a04',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
  patient: { reference: REF.patient },
  dateTime: '2019-05-02T09:00:00+00:00',
  organization: [{ reference: REF.organization }],
  policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
  provision: {
    type: 'permit',
    period: { start: '2019-05-02', end: '2024-05-02' },
    actor: [
      {
        role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] },
        reference: { reference: REF.organization },
      },
    ],
    action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }] }],
  },
};

export const claim: Claim = {
  resourceType: 'Claim',
  id: '5f0a8f1e-6c2b-4d1a-9b8e-2f4c7d3a1b08',
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'institutional' }] },
  use: 'claim',
  patient: { reference: REF.patient },
  billablePeriod: { start: '2019-05-02T09:12:00+00:00', end: '2019-05-02T09:27:00+00:00' },
  created: '2019-05-02T09:27:00+00:00',
  provider: { reference: REF.organization },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
  diagnosis: [{ sequence: 1, diagnosisReference: { reference: REF.condition } }],
  insurance: [{ sequence: 1, focal: true, coverage: { display: 'Medicare' } }],
  item: [
    {
      sequence: 1,
      productOrService: {
        coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up (procedure)' }],
      },
      encounter: [{ reference: REF.encounter }],
    },
    {
      sequence: 2,
      diagnosisSequence: [1],
      productOrService: { coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes' }] },
      net: { value: 129.16, currency: 'USD' },
    },
  ],
  total: { value: 129.16, currency: 'USD' },
};

export const explanationOfBenefit: ExplanationOfBenefit = {
  resourceType: 'ExplanationOfBenefit',
  id: 'a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a05',
  contained: [
    {
      resourceType: 'ServiceRequest',
      id: 'referral',
      status: 'completed',
      intent: 'order',
      subject: { reference: REF.patient },
      requester: { reference: REF.practitioner },
      performer: [{ reference: REF.practitioner }],
    },
    {
      resourceType: 'Coverage',
      id: 'coverage',
      status: 'active',
      type: { text: 'Medicare' },
      beneficiary: { reference: REF.patient },
      payor: [{ display: 'Medicare' }],
    },
  ],
  identifier: [{ system: 'https://bluebutton.cms.gov/resources/variables/clm_id', value: '6c0f4e1a-claim' }],
  status: 'active',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'institutional' }] },
  use: 'claim',
  patient: { reference: REF.patient },
  billablePeriod: { start: '2019-05-02T09:27:00+00:00', end: '2020-05-02T09:27:00+00:00' },
  created: '2019-05-02T09:27:00+00:00',
  insurer: { display: 'Medicare' },
  provider: { reference: REF.practitioner },
  referral: { reference: '#referral' },
  claim: { reference: REF.claim },
  outcome: 'complete',
  careTeam: [
    {
      sequence: 1,
      provider: { reference: REF.practitioner },
      role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole', code: 'primary' }] },
    },
  ],
  insurance: [{ focal: true, coverage: { reference: '#coverage', display: 'Medicare' } }],
  item: [
    {
      sequence: 1,
      careTeamSequence: [1],
      productOrService: {
        coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up (procedure)' }],
      },
      servicedPeriod: { start: '2019-05-02T09:12:00+00:00', end: '2019-05-02T09:27:00+00:00' },
      locationCodeableConcept: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/ex-serviceplace', code: '19', display: 'Off Campus' },
        ],
      },
      encounter: [{ reference: REF.encounter }],
      adjudication: [
        {
          category: {
            coding: [
              {
                system: 'https://bluebutton.cms.gov/resources/codesystem/adjudication',
                code: 'https://bluebutton.cms.gov/resources/variables/line_coinsrnc_amt',
              },
            ],
          },
          amount: { value: 25.83, currency: 'USD' },
        },
      ],
    },
  ],
  total: [
    {
      category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] },
      amount: { value: 129.16, currency: 'USD' },
    },
  ],
  payment: { amount: { value: 103.33, currency: 'USD' } },
};
