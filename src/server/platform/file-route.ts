/**
 * Every JSON route declares `schema.response` (the serializer sends only the declared fields, and
 * src/server/routes.test.ts holds every route to it). A route that sends a file (PDF, XLSX, an HTML
 * document) has no JSON to declare: it says so with `config: { file: true }`.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route sends a file, not JSON, and so declares no response schema. */
    file?: true;
  }
}

export {};
