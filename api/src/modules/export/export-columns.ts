import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Agent } from '../agents/agent.entity.js';
import type { ImportedRecord } from '../ingest/imported-record.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import type { RecordKind } from '../ingest/record-kind.js';
import { RECORD_SPECS } from '../ingest/record-specs.js';
import { SelfServiceSession } from '../selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../surveys/survey-response.entity.js';

export const ENTITY_OF_KIND: Record<RecordKind, EntityClass<ImportedRecord>> = {
  customers: Customer,
  surveys: SurveyResponse,
  contacts: Contact,
  selfservice: SelfServiceSession,
  agents: Agent,
};

/** How a column is read back: datetimes and booleans are stored differently by the two databases. */
export type ColumnType = 'datetime' | 'boolean' | 'other';

export interface ExportColumn {
  /** Canonical column name of the import format (docs/importing.md), so that an export re-imports as is. */
  name: string;
  /** SQL expression over the record table `t` and its customer `c`. */
  sql: string;
  type: ColumnType;
}

/**
 * The columns of an export of `kind`: exactly the canonical import columns, in their order. The record's
 * own id is its external id, and customer_id on a fact is the customer's external id (joined as `c`).
 */
export function exportColumns(em: EntityManager, kind: RecordKind): ExportColumn[] {
  const spec = RECORD_SPECS[kind];
  const properties = Object.values(em.getMetadata().get(ENTITY_OF_KIND[kind].name).properties);
  return spec.columnNames.map((name): ExportColumn => {
    if (name === spec.idColumn) return { name, sql: 't.external_id', type: 'other' };
    if (name === 'customer_id') return { name, sql: 'c.external_id', type: 'other' };
    const property = properties.find(({ fieldNames }) => fieldNames?.[0] === name);
    if (!property) throw new Error(`no column ${name} on ${spec.table}`);
    const type: ColumnType =
      property.type === 'datetime' ? 'datetime' : property.type === 'boolean' ? 'boolean' : 'other';
    return { name, sql: `t.${name}`, type };
  });
}
