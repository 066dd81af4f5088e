import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './serializer';

async function appAnswering(schema: z.ZodType, data: unknown, status = 200) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/x', { schema: { response: { [status]: schema } } }, async (_request, reply) =>
      reply.status(status).send(data as never),
    );
  await app.ready();
  return app;
}

describe('the response serializer', () => {
  it('sends only the fields a response schema declares, at every depth', async () => {
    const schema = z.object({
      id: z.string(),
      items: z.array(z.object({ name: z.string(), note: z.string().nullable() })),
      counts: z.record(z.string(), z.number()),
    });
    const app = await appAnswering(schema, {
      id: 'a',
      cpr: '0101001234',
      items: [{ name: 'Anna', note: null, passwordHash: 'x' }],
      counts: { open: 2 },
    });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.json()).toEqual({ id: 'a', items: [{ name: 'Anna', note: null }], counts: { open: 2 } });
    expect(res.body).not.toContain('0101001234');
    expect(res.body).not.toContain('passwordHash');
  });

  it('sends a field named like a validation keyword (pattern, format, minimum …), which it once dropped (issue 20 §9, found by the fuzzer: the CTI phase pattern of an enrollment never left)', async () => {
    const schema = z.object({
      pattern: z.object({ phases: z.array(z.string()) }).nullable(),
      format: z.string(),
      minimum: z.number(),
    });
    const app = await appAnswering(schema, { pattern: { phases: ['phase1'] }, format: 'pdf', minimum: 3 });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.json()).toEqual({ pattern: { phases: ['phase1'] }, format: 'pdf', minimum: 3 });
  });

  it('writes optional, nullable and union fields as Zod would', async () => {
    const schema = z.object({
      when: z.iso.datetime().nullable(),
      kind: z.union([z.literal('a'), z.number()]),
      extra: z.string().optional(),
      status: z.enum(['open', 'closed']),
    });
    const app = await appAnswering(schema, { when: '2026-12-03T10:00:00.000Z', kind: 3, status: 'open' });
    expect((await app.inject({ method: 'GET', url: '/x' })).json()).toEqual({
      when: '2026-12-03T10:00:00.000Z',
      kind: 3,
      status: 'open',
    });
  });

  it('falls back to Zod for a schema JSON Schema cannot express, such as the empty body of a 204', async () => {
    const app = await appAnswering(z.undefined(), undefined, 204);
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });
});
