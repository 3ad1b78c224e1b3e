import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { IngestBacklog } from './dto/ingest-result.type.js';
import { ImportRun } from './import-run.entity.js';
import { IngestQueue, lagSeconds } from './ingest-queue.js';
import { ImportRunService, MAX_RECENT_IMPORTS } from './import-run.service.js';

@Resolver(() => ImportRun)
export class ImportRunResolver {
  @Query(() => Int, {
    description:
      'Version of the data: the id of the latest committed import, 0 before any. It grows with every ' +
      'import and with nothing else, so a client or cache can tell cheaply whether anything changed.',
  })
  dataVersion(@Ctx() { em }: GraphQLContext): Promise<number> {
    return new ImportRunService(em).dataVersion();
  }

  @Query(() => [ImportRun], {
    description: 'The latest committed imports, newest first: when data was last loaded and what it changed.',
  })
  recentImports(
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: `How many imports to return, 1 to ${MAX_RECENT_IMPORTS}.`,
    })
    first: number,
    @Ctx() { em }: GraphQLContext,
  ): Promise<ImportRun[]> {
    return new ImportRunService(em).recent(first);
  }

  @Query(() => IngestBacklog, {
    description:
      'What ingest mutations acknowledged with apply: BACKGROUND and the ingest worker has not yet applied: ' +
      'the freshness lag of live ingest.',
  })
  async ingestBacklog(@Ctx() { em, ingestQueue }: GraphQLContext): Promise<IngestBacklog> {
    const backlog = await new IngestQueue(em, ingestQueue).backlog();
    return {
      pendingBatches: backlog.pendingBatches,
      pendingRows: backlog.pendingRows,
      lagSeconds: lagSeconds(backlog.oldestReceivedAt),
      lastAppliedAt: backlog.lastAppliedAt,
    };
  }
}
