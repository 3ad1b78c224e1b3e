import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { GraphiqlAsset } from './graphiql-assets.js';
import { graphiqlPage } from './graphiql-page.js';

/** Asset URLs carry the package version: a new version is a new URL, so browsers may keep a file for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The static files of GraphiQL, one fastify plugin: they are public (the page asks for the API key
 * itself), so an authentication hook can leave this plugin out.
 */
export function graphiqlAssetsPlugin(assets: GraphiqlAsset[]) {
  return (app: FastifyInstance): Promise<void> => {
    for (const { url, contentType, body } of assets) {
      app.get(url, { logLevel: 'warn' }, (_request, reply) =>
        reply.header('content-type', contentType).header('cache-control', IMMUTABLE).send(body),
      );
    }
    return Promise.resolve();
  };
}

/**
 * What a browser sees when it opens /graphql (a GET that prefers text/html): GraphiQL. Apollo renders
 * it before any GraphQL processing, so GET queries from other clients keep working.
 */
export function graphiqlLandingPage(assets: GraphiqlAsset[], endpoint: string): ApolloServerPlugin {
  const html = graphiqlPage(assets, endpoint);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}
