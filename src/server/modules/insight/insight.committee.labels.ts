import type { IndicatorKey } from '../../../shared/insight/indicators';

/** The outcome indicators' names in the committee report's Danish (docs/indicators.md defines them). */
export const INDICATOR_TEXT: Record<IndicatorKey, string> = {
  daysHomeless: 'Dage i hjemløshed',
  exitsToHousing: 'Fra hjemløshed til egen bolig',
  returns6: 'Tilbage i hjemløshed inden 6 måneder',
  returns12: 'Tilbage i hjemløshed inden 12 måneder',
  returns24: 'Tilbage i hjemløshed inden 24 måneder',
  firstTimeHomeless: 'Hjemløse for første gang',
  retention12: 'Stadig i egen bolig efter 12 måneder',
  waitingApprovalToOffer: 'Dage fra godkendelse til tilbud',
  agreementUnits: 'Boliger efter rammeaftaler',
  evictions: 'Udsættelsessager',
  shelterStays: 'Ophold på § 110-boformer (dage)',
  supportFidelity: 'Bostøttens kapacitet',
};

/** The values' names (the keys of each indicator's `values`). */
export const VALUE_TEXT: Record<string, string> = {
  median: 'median',
  mean: 'gennemsnit',
  housed: 'antal',
  housedShare: 'andel',
  returned: 'antal',
  returnedShare: 'andel',
  firstTime: 'antal',
  firstTimeShare: 'andel',
  retained: 'antal',
  retainedShare: 'andel',
  agreed: 'aftalt',
  received: 'modtaget',
  used: 'anvendt',
  returnedUnused: 'returneret ubrugt',
  notices: 'påkrav og varsler',
  cases: 'sager',
  averted: 'afværget',
  moved: 'fraflyttet',
  evicted: 'udsat',
  avertedShare: 'andel afværget',
  open: 'igangværende',
  capacity: 'pladser efter normen',
  load: 'belægning',
};

/** Whether a value is a share (0–1) to be written in per cent. */
export const isShareKey = (key: string) => key.endsWith('Share') || key === 'load';

/** The note on small numbers at the municipality's limit (rule 33): "<5" is 1–4 persons at the default. */
export const suppressionNote = (limit: number) =>
  `Små tal er skjult af hensyn til borgernes anonymitet: "<${limit}" er 1–${limit - 1} personer, og "x" er et ` +
  'tal, der er skjult, så et skjult tal ikke kan regnes ud af totalen. En median, et gennemsnit eller en ' +
  `andel vises kun over mindst ${limit}.`;
