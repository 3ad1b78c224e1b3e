import { Resolver } from 'type-graphql';

// Placeholder until the ingest mutations land.
@Resolver()
export class IngestResolver {}
