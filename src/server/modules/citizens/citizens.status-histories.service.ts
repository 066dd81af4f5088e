import type { StatusHistory } from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import type { Executor } from '../../db/database';
import { forEachInSlices } from '../../platform/cooperative';
import { statusFacts, unpackContacts, unpackEpisodes } from './citizens.status-facts.repository';

/** A citizen's whereabouts episode as `statusOn` reads it. */
export interface HistoryEpisode {
  situation: Situation;
  fromDate: string;
  releaseDate: string | null;
  housingSolution: boolean | null;
  /**
   * When it was recorded, as text whose order is time order (microseconds since 1970, zero-padded):
   * compared only with another episode's of the same citizen (the one recorded last is in force).
   */
  recordedAt: string;
}

/** What the by-name status of one citizen on any past date needs, with the birth date. */
export interface CitizenHistory extends StatusHistory {
  birthDate: string;
  episodes: HistoryEpisode[];
  contacts: string[];
}

/**
 * Every citizen's history up to a date, by the id of the record that survives merges: a merged
 * record's episodes and contacts count for its survivor (following a chain of merges), and the
 * earliest registration among merged records is the survivor's (as the by-name list has it).
 * Contacts are the latest of each month, ascending. `survivorOf` gives the survivor of any record,
 * for facts another module keeps by citizen (an application, an enrollment).
 */
export async function statusHistories(
  db: Executor,
  m: string,
  upTo: string,
): Promise<{ people: Map<string, CitizenHistory>; survivorOf: (citizenId: string) => string }> {
  const citizens = await statusFacts(db, m, upTo);
  const mergedInto = new Map(citizens.map((c) => [c.id, c.merged_into]));
  const survivorOf = (id: string) => {
    let current = id;
    for (let i = 0; i < 10; i++) {
      const next = mergedInto.get(current);
      if (!next) break;
      current = next;
    }
    return current;
  };
  const people = new Map<string, CitizenHistory>();
  for (const c of citizens)
    if (c.merged_into === null)
      people.set(c.id, {
        birthDate: c.birth_date,
        registeredOn: c.registered_on,
        diedOn: c.died_on,
        movedAwayOn: c.moved_away_on,
        episodes: [],
        contacts: [],
      });
  // Tens of thousands of citizens in a large municipality: in slices, so the process answers other
  // requests meanwhile (forEachInSlices).
  const survivors = new Set<CitizenHistory>();
  await forEachInSlices(
    citizens,
    (c) => {
      const p = people.get(c.merged_into === null ? c.id : survivorOf(c.id));
      if (!p) return;
      if (c.merged_into !== null) {
        survivors.add(p);
        if (c.registered_on < p.registeredOn) p.registeredOn = c.registered_on;
      }
      for (const e of unpackEpisodes(c.episodes)) p.episodes.push(e);
      for (const k of unpackContacts(c.contacts)) p.contacts.push(k);
    },
    5_000,
  );
  // A survivor's contacts come from several records: in order again (each record's are).
  for (const p of survivors) p.contacts.sort();
  return { people, survivorOf };
}
