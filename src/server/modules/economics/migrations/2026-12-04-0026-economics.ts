import { type Kysely, sql } from 'kysely';

/**
 * Economics (issue 16 §7–8): the municipality's dated economics settings (residents' own payment per
 * day, the refund share, how the § 110 stay refund's running year is anchored and its days summed,
 * and the housing cost per citizen-month the dilemma compares with) and its own dated limits on
 * refunded stay days (rule 15; the shipped limits are in the code). Both are history: insert only.
 * An index lets the economics page find the stays of the municipality as handlekommune by date.
 * Grants the module's permissions.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table economics_setting (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  valid_from date not null,
  own_payment_per_day numeric(10, 2) not null check (own_payment_per_day between 0 and 10000),
  refund_share_percent numeric(5, 2) not null check (refund_share_percent between 0 and 100),
  running_year text not null check (running_year in ('rolling', 'calendar')),
  day_sum text not null check (day_sum in ('per_citizen', 'per_stay')),
  housing_monthly_cost numeric(12, 2) not null check (housing_monthly_cost between 0 and 1000000),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references app_user(id)
);
create index economics_setting_idx on economics_setting (municipality_id, valid_from);

create table economics_stay_limit (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  valid_from date not null,
  days int check (days between 1 and 366),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references app_user(id)
);
create index economics_stay_limit_idx on economics_stay_limit (municipality_id, valid_from);

create index shelter_stay_handlekommune_idx on shelter_stay (municipality_id, handlekommune, admitted_on);
`)
    .execute(db);
  for (const table of ['economics_setting', 'economics_stay_limit']) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert on ${table} to hjemvej_app;`)
      .execute(db);
  }
  const grants: [string, string][] = [
    ['economy', 'economics.read'],
    ['leader', 'economics.read'],
    ['economy', 'economics.settings'],
    ['leader', 'economics.settings'],
    ['admin', 'economics.settings'],
    ['admin', 'economics.manage'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'economics.%'`.execute(db);
  await sql
    .raw('drop index shelter_stay_handlekommune_idx; drop table economics_stay_limit, economics_setting;')
    .execute(db);
}
