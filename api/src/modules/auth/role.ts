import { registerEnumType } from 'type-graphql';

/** What a credential may do; the access policy (access-policy.ts) maps every root field to the roles allowed. */
export enum Role {
  EXECUTIVE = 'executive',
  ANALYST = 'analyst',
  SUPERVISOR = 'supervisor',
  BI = 'bi',
  INGEST = 'ingest',
  ADMIN = 'admin',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an API key or a dashboard user may read and write.',
  valuesConfig: {
    EXECUTIVE: { description: 'Reads aggregates and customer pages; personal data is masked.' },
    ANALYST: { description: 'Reads everything, personal data included, and may introspect the schema.' },
    SUPERVISOR: {
      description:
        "Reviews out-of-policy exceptions: reads what ANALYST reads through the API, with customers' personal data " +
        'masked but agent names and review notes shown; no exports, imports, alert workflow or credentials.',
    },
    BI: { description: 'A BI tool: reads everything, with personal data masked.' },
    INGEST: { description: 'A system that pushes records: reads aggregates and writes imports.' },
    ADMIN: { description: 'Reads and writes everything and manages API keys and users.' },
  },
});
