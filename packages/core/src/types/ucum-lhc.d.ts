// @lhncbc/ucum-lhc ships no types; the part CareLoop uses is typed in fhir/units.ts.
declare module '@lhncbc/ucum-lhc' {
  const ucum: unknown;
  export default ucum;
}
