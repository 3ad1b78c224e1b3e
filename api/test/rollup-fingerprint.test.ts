import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectOf, selectRows } from '../src/database/dialect.js';
import { initOrm } from '../src/app/orm.js';
import {
  buildRollupsIfStale,
  rollupFingerprint,
  rollupState,
} from '../src/modules/metrics/rollups/rollup-maintenance.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import { makeCustomer, makeSurveyResponse } from './support/factories.js';

describe('the rollups fingerprint', () => {
  it('hashes the SQL each database runs, so the two dialects differ', () => {
    expect(rollupFingerprint('sqlite')).toMatch(/^[0-9a-f]{64}$/);
    expect(rollupFingerprint('postgresql')).toMatch(/^[0-9a-f]{64}$/);
    expect(rollupFingerprint('sqlite')).not.toBe(rollupFingerprint('postgresql'));
    expect(rollupFingerprint('sqlite')).toBe(rollupFingerprint('sqlite'));
  });
});

describe.each(DIALECTS)('rollups built from other definitions on %s', (dialectName) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialectName);
    // Written by the factories, not an import: the rollups do not see this response until a rebuild.
    const em = database.orm.em.fork();
    makeSurveyResponse(em, makeCustomer(em), { score: 3 });
    await em.flush();
  });
  afterAll(() => database?.drop());

  const knex = () => database.orm.em.getKnex();
  const dialect = () => dialectOf(database.orm.em);
  const state = async () =>
    (await selectRows(dialect(), knex().raw('select built_at, fingerprint from rollup_state')))[0];
  const rolledUpResponses = async () => {
    const [row] = await selectRows(
      dialect(),
      knex().raw('select coalesce(sum(responses), 0) as n from rollup_surveys_channel_generation'),
    );
    return Number(row!.n);
  };

  async function reopen() {
    const orm = await initOrm(database.config);
    await orm.close();
  }

  it('are recorded with the fingerprint of the current definitions', async () => {
    expect((await state())!.fingerprint).toBe(rollupFingerprint(dialect()));
    expect(await rollupState(knex(), dialect())).not.toBeNull();
  });

  it('are not rebuilt by a start when the definitions are unchanged', async () => {
    const before = await state();
    await reopen();
    expect(await buildRollupsIfStale(database.orm.em)).toBeNull();
    expect(await state()).toEqual(before);
    expect(await rolledUpResponses()).toBe(0); // the factory's response is still outside the rollups
  });

  it('are not served, and are rebuilt by the next start, when a definition changed', async () => {
    await knex().raw("update rollup_state set fingerprint = 'built by an older release'");
    // Until the rebuild, queries keep to the facts.
    expect(await rollupState(knex(), dialect())).toBeNull();
    await reopen();
    expect((await state())!.fingerprint).toBe(rollupFingerprint(dialect()));
    expect(await rolledUpResponses()).toBe(1); // rebuilt from the facts: the one response
  });

  it('are rebuilt when built before fingerprints were kept (a null one, as after the upgrade)', async () => {
    await knex().raw('update rollup_state set fingerprint = null');
    expect(await buildRollupsIfStale(database.orm.em)).not.toBeNull();
    expect((await state())!.fingerprint).toBe(rollupFingerprint(dialect()));
    expect(await buildRollupsIfStale(database.orm.em)).toBeNull();
  });
});
