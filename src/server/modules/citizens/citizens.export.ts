import { formatCpr } from '../../../shared/citizens/cpr';
import type { AuthContext } from '../../platform/actor';
import type { CitizenView } from './citizens.schema';

const esc = (value: unknown) =>
  String(value ?? '–').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

const date = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–';
const yesNo = (v: boolean | null) => (v === null ? '–' : v ? 'ja' : 'nej');

const SITUATION: Record<string, string> = {
  street: 'Gadesovende',
  night_shelter: 'Natvarmestue / værested med nødovernatning',
  shelter: 'Herberg / forsorgshjem (§ 110)',
  hotel: 'Hotel / vandrehjem',
  family_friends: 'Midlertidigt hos familie/venner',
  transitional: 'Udslusningsbolig',
  prison: 'Fængsel (løsladelse)',
  hospital: 'Hospital / behandlingshjem (udskrivning)',
  other: 'Andet',
  housed: 'Egen bolig',
  at_risk: 'Egen bolig, i risiko for at miste den',
  institution: 'Institution',
  unknown: 'Ukendt',
};
const STATUS: Record<string, string> = {
  homeless: 'Hjemløs',
  at_risk: 'I risiko',
  housed: 'Boligplaceret',
  inactive: 'Inaktiv',
};
const CONSENT: Record<string, string> = {
  share_housing_org: 'Deling med boligorganisation',
  cross_department: 'Koordinering på tværs af afdelinger',
  share_shelter: 'Deling med § 110-boform',
  share_support_provider: 'Deling med bostøtteudfører',
};
const CHANNEL: Record<string, string> = {
  meeting: 'Møde',
  phone: 'Telefon',
  outreach: 'Opsøgende',
  other: 'Andet',
};

/** A timeline event in words. Events of later modules without a text here show their code. */
function timelineText(kind: string, params: Record<string, string | number | null>): string {
  const situation = SITUATION[String(params.situation)] ?? '';
  const purpose = CONSENT[String(params.purpose)] ?? '';
  const texts: Record<string, string> = {
    registered: 'Registreret i kommunens register',
    cpr_changed: 'Nyt CPR-nummer',
    episode: `Opholdssted: ${situation}`,
    episode_retracted: `Opholdssted annulleret: ${situation}`,
    contact: `Kontakt (${CHANNEL[String(params.channel)] ?? ''})`,
    consent_given: `Samtykke givet: ${purpose}`,
    consent_withdrawn: `Samtykke tilbagekaldt: ${purpose}`,
    consent_expired: `Samtykke udløbet: ${purpose}`,
    merged: `Sammenlagt med en dublet (${params.name ?? ''})`,
    merge_undone: `Sammenlægning fortrudt (${params.name ?? ''})`,
    moved_away: 'Fraflyttet kommunen',
    died: 'Død',
  };
  return texts[kind] ?? kind;
}

function table(caption: string, head: string[], rows: unknown[][]): string {
  if (rows.length === 0) return `<h2>${esc(caption)}</h2><p>Ingen oplysninger.</p>`;
  return `<h2>${esc(caption)}</h2><table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The citizen's data as a self-contained, printable HTML document for a request for access
 * (GDPR art. 15): everything the municipality holds in the registry, with its history.
 */
export function renderCitizenExport(v: CitizenView, actor: AuthContext): string {
  const facts: [string, unknown][] = [
    ['CPR-nummer', v.cpr ? formatCpr(v.cpr) : 'intet'],
    ['Navn', v.name],
    ['Initialer', v.initials],
    ['Fødselsdato', date(v.birthDate)],
    ['Køn', v.sex === 'male' ? 'mand' : v.sex === 'female' ? 'kvinde' : '–'],
    ['Telefon', v.phone],
    ['E-mail', v.email],
    ['Adresse', v.address],
    ['Handlekommune', v.handlekommune],
    ['Status i dag', STATUS[v.status]],
    ['Opholdssted i dag', SITUATION[v.situation]],
    ['Fraflyttet', date(v.movedAwayOn)],
  ];
  const sensitive = v.sensitive
    ? table(
        'Følsomme oplysninger',
        ['Oplysning', 'Registreret'],
        [
          ['Psykisk sygdom', yesNo(v.sensitive.mentalIllness)],
          ['Misbrug', yesNo(v.sensitive.substanceAbuse)],
          ['Tidligere anbragt uden for hjemmet', yesNo(v.sensitive.formerlyPlaced)],
        ],
      )
    : '';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Indsigt – oplysninger om ${esc(v.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:14rem 1fr;gap:.25rem 1rem}dt{font-weight:600}@media print{body{margin:0}}</style></head>
<body><main>
<h1>Oplysninger om ${esc(v.name)}</h1>
<p>Udskrevet ${esc(new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date()))}
af ${esc(actor.municipality.authority)} efter databeskyttelsesforordningens artikel 15 (retten til indsigt).
Dokumentet viser alle oplysninger om dig i kommunens register over borgere i eller i risiko for hjemløshed.</p>
<h2>Stamoplysninger</h2><dl>${facts.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val ?? '–')}</dd>`).join('')}</dl>
${table(
  'Tidligere CPR-numre',
  ['Gammelt', 'Nyt', 'Ændret'],
  v.cprHistory.map((h) => [formatCpr(h.oldCpr), formatCpr(h.newCpr), date(h.changedOn)]),
)}
${sensitive}
${table(
  'Husstand',
  ['Type', 'Navn', 'Fødselsdato', 'Ophørt'],
  v.household.map((h) => [
    h.kind === 'child' ? 'Barn' : 'Voksen',
    h.name,
    date(h.birthDate),
    date(h.endedOn),
  ]),
)}
${table(
  'Samtykker',
  ['Formål', 'Givet', 'Udløber', 'Tilbagekaldt'],
  v.consents.map((k) => [
    CONSENT[k.purpose] ?? k.purpose,
    date(k.givenOn),
    date(k.expiresOn),
    date(k.withdrawnOn),
  ]),
)}
${table(
  'Opholdssteder',
  ['Fra', 'Opholdssted', 'Forventet løsladelse/udskrivning', 'Noter', 'Annulleret'],
  v.episodes.map((e) => [
    date(e.fromDate),
    SITUATION[e.situation],
    date(e.releaseDate),
    e.note,
    e.retractedAt ? date(e.retractedAt.slice(0, 10)) : '–',
  ]),
)}
${table(
  'Kontakter',
  ['Dato', 'Form', 'Noter'],
  v.contacts.map((k) => [date(k.contactOn), CHANNEL[k.channel], k.note]),
)}
${table(
  'Forløb',
  ['Dato', 'Hændelse'],
  v.timeline.map((t) => [date(t.date), timelineText(t.kind, t.params)]),
)}
<p>Har du spørgsmål, eller mener du, at en oplysning er forkert, så kontakt ${esc(actor.municipality.authority)}.</p>
</main></body></html>`;
}
