import type { DocumentNode } from 'graphql';

/**
 * A judgement of a query document made once per parsed document rather than once per request. Apollo
 * keeps the parsed and validated documents of repeated queries (its document store) and hands the same
 * object to every request with the same text, so a dashboard's few operations are each judged once per
 * process. Only for judgements that depend on nothing else of the request: further arguments (the
 * schema) must be the same for every request, which they are in one process.
 */
export function perDocument<T, Rest extends unknown[]>(
  judge: (document: DocumentNode, ...rest: Rest) => T,
): (document: DocumentNode, ...rest: Rest) => T {
  const verdicts = new WeakMap<DocumentNode, { verdict: T }>();
  return (document, ...rest) => {
    let known = verdicts.get(document);
    if (!known) {
      known = { verdict: judge(document, ...rest) };
      verdicts.set(document, known);
    }
    return known.verdict;
  };
}
