import { maskCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import {
  addEpisode,
  type CitizenInput,
  citizensByCpr,
  createCitizen,
  displayName,
  existingCitizenOf,
} from '../citizens';
import * as repo from './shelters.repository';

/**
 * The handlekommune's inbox of § 110 stk. 6 notifications (issue 16 §3). A shelter's notification
 * lands here when the handlekommune is a municipality of this deployment, its own included; the
 * row holds only the notified facts (migration 0024), and row-level security shows it to the
 * recipient alone.
 */

type NotificationRow = NonNullable<Awaited<ReturnType<typeof repo.notification>>>;

/** How a caseworker acknowledges a notification: as it is, linked to the citizen with its CPR number, or by registering the citizen. */
export type AcknowledgeLink = 'none' | 'match' | 'register';

/**
 * A notification as the inbox shows it. The CPR number is masked (DDMMYY-XXXX, issue 20 (d)): the
 * caseworker identifies the person by name and birth date and links by the server's match; the full
 * number is shown through the registry's logged "show" once the citizen is linked.
 */
function notificationView(n: NotificationRow, match: string | null) {
  return {
    id: n.id,
    shelterName: n.shelter_name,
    fromMunicipality: n.from_municipality_name,
    cpr: n.cpr === null ? null : maskCpr(n.cpr),
    birthDate: n.birth_date,
    initials: n.initials,
    name: displayName(n),
    admittedOn: n.admitted_on,
    admissionDecidedOn: n.admission_decided_on,
    notifiedOn: n.notified_on,
    citizenId: n.citizen_id,
    /** The citizen of the by-name list with the notification's CPR number, while not linked. */
    matchCitizenId: n.citizen_id ? null : match,
    acknowledgedOn: n.acknowledged_on,
  };
}

/** The municipality's inbox, each notification with the citizen its CPR number matches in the by-name list. */
export async function listNotifications(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const rows = await repo.inbox(trx, m);
  const cprs = rows.flatMap((r) => (r.cpr && !r.citizen_id ? [r.cpr] : []));
  const matches = await citizensByCpr(trx, m, cprs);
  if (rows.length > 0)
    await logPersonalDataRead(trx, actor, {
      entityType: 'shelter_notification',
      entityId: 'inbox',
      purpose: 'casework',
      details: { count: rows.length },
    });
  return rows.map((r) => ({
    ...notificationView(r, r.cpr ? (matches.get(r.cpr) ?? null) : null),
    acknowledgedBy: r.acknowledged_by_name,
  }));
}

/** Unacknowledged notifications, for the caseworkers' tasks. */
export function unacknowledgedNotifications(trx: Tx, actor: Actor) {
  return repo.inbox(trx, actor.municipalityId, { unacknowledged: true });
}

/**
 * Acknowledges a notification. `match` links it to the citizen of the by-name list with its CPR
 * number (refused when there is none); `register` registers the citizen in the by-name list with
 * the stay as whereabouts (or links the citizen already registered by that CPR number). A linked
 * citizen gets the shelter stay as whereabouts from the admission.
 */
export async function acknowledgeNotification(trx: Tx, actor: Actor, id: string, link: AcknowledgeLink) {
  const m = actor.municipalityId;
  const n = await repo.notification(trx, m, id);
  if (!n) throw new AppError('NOT_FOUND');
  if (n.acknowledged_on !== null) throw new AppError('SHELTER_NOTIFICATION_ACKNOWLEDGED');
  let citizenId = n.citizen_id;
  if (citizenId === null && link === 'match') {
    const found = n.cpr ? (await citizensByCpr(trx, m, [n.cpr])).get(n.cpr) : undefined;
    if (!found) throw new AppError('SHELTER_NOTIFICATION_NO_MATCH');
    citizenId = found;
    await addEpisode(trx, actor, citizenId, { situation: 'shelter', fromDate: n.admitted_on, note: null });
  } else if (citizenId === null && link === 'register') {
    citizenId = await register(trx, actor, n);
  }
  if (
    !(await repo.acknowledgeNotification(trx, m, n.id, {
      acknowledged_on: today(),
      acknowledged_by: actor.userId,
      citizen_id: citizenId,
    }))
  )
    throw new AppError('SHELTER_NOTIFICATION_ACKNOWLEDGED');
  await audit(trx, actor, 'shelter_notification.acknowledge', 'shelter_notification', n.id, {
    link: n.citizen_id ? 'own' : link,
  });
  return { citizenId };
}

/** Registers the notified citizen in the by-name list (the stay as whereabouts); a known CPR number links. */
async function register(trx: Tx, actor: Actor, n: NotificationRow): Promise<string> {
  const code = await repo.municipalityCode(trx, actor.municipalityId);
  const citizen = {
    ...(n.cpr ? { cpr: n.cpr } : { birthDate: n.birth_date, initials: n.initials }),
    ...(n.given_name ? { givenName: n.given_name } : {}),
    ...(n.family_name ? { familyName: n.family_name } : {}),
    handlekommune: code,
    firstEpisode: { situation: 'shelter', fromDate: n.admitted_on },
  } as CitizenInput;
  try {
    return (await createCitizen(trx, actor, citizen)).id;
  } catch (error) {
    const known = existingCitizenOf(error);
    if (known === null) throw error;
    await addEpisode(trx, actor, known, { situation: 'shelter', fromDate: n.admitted_on, note: null });
    return known;
  }
}
