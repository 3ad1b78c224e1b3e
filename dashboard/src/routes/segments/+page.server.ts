import { metricFilter, parseFilters } from '$lib/filters';
import { SegmentPreferencesDocument, type Generation } from '$lib/graphql/generated/graphql';
import { GENERATION_LABELS } from '$lib/labels';
import { runOperation, section } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** ?a=…&b=… pick the two generations; Baby Boomers and Millennials unless the link says otherwise. */
function generationParam(value: string | null, fallback: Generation): Generation {
  return value !== null && value in GENERATION_LABELS ? (value as Generation) : fallback;
}

export const load: PageServerLoad = async (event) => {
  const filters = parseFilters(event.url.searchParams);
  const generations: [Generation, Generation] = [
    generationParam(event.url.searchParams.get('a'), 'BOOMER'),
    generationParam(event.url.searchParams.get('b'), 'MILLENNIAL'),
  ];
  const segments = await section(
    runOperation(event, SegmentPreferencesDocument, { filter: metricFilter(filters), generations }),
  );
  return { filters, generations, segments };
};
