import type { EntityManager } from '@mikro-orm/knex';
import { userInputError } from '../../core/errors.js';
import { ImportRun } from './import-run.entity.js';

export const MAX_RECENT_IMPORTS = 100;

export class ImportRunService {
  constructor(private readonly em: EntityManager) {}

  /** The id of the latest committed import, 0 before the first one. */
  async dataVersion(): Promise<number> {
    const [latest] = await this.em.find(ImportRun, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] });
    return latest?.id ?? 0;
  }

  recent(first: number): Promise<ImportRun[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RECENT_IMPORTS) {
      throw userInputError('first', first, `a whole number from 1 to ${MAX_RECENT_IMPORTS}`);
    }
    return this.em.find(ImportRun, {}, { orderBy: { id: 'desc' }, limit: first });
  }
}
