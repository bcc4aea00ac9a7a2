import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { LARGE_OPERATION_HEADER, byteSize, largeOperationBodies } from './large-operation-bodies.js';

const REGISTER =
  'mutation R($input: RegisterMassIntakeInput!) { registerMassIntake(input: $input) { caseCount } }';

/** A request whose body streams in chunks, as Node delivers it. */
function request(
  body: string,
  headers: Record<string, string> = {},
  method = 'POST',
): IncomingMessage & { body?: unknown } {
  const bytes = Buffer.from(body);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 16_384) }, (_, index) =>
    bytes.subarray(index * 16_384, (index + 1) * 16_384),
  );
  return Object.assign(Readable.from(chunks), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
  }) as unknown as IncomingMessage & { body?: unknown };
}

const declared = { [LARGE_OPERATION_HEADER]: 'registerMassIntake' };
const middleware = largeOperationBodies('1kb', [{ mutation: 'registerMassIntake', limit: '8kb' }]);

/** What the middleware passed on: the error, if any, and the body it set. */
async function run(req: IncomingMessage & { body?: unknown }) {
  const error = await new Promise<unknown>((resolve) => middleware(req, {} as ServerResponse, resolve));
  return { error: error as { status?: number; message?: string } | undefined, body: req.body };
}

const padded = (query: string, bytes: number) =>
  JSON.stringify({ query, variables: { input: { people: [{ alias: 'x'.repeat(bytes) }] } } });

describe('largeOperationBodies', () => {
  it('reads sizes as body-parser does', () => {
    expect(byteSize('256kb')).toBe(262_144);
    expect(byteSize('8mb')).toBe(8_388_608);
    expect(byteSize('12b')).toBe(12);
    expect(() => byteSize('8 MB')).toThrow(/256kb/);
  });

  it('leaves a request that declares nothing to the usual parser, unread', async () => {
    const req = request(padded(REGISTER, 4_000));
    const { error, body } = await run(req);
    expect(error).toBeUndefined();
    expect(body).toBeUndefined();
    expect(req.readableEnded).toBe(false);
  });

  it('reads a declared mass intake up to its own limit', async () => {
    const { error, body } = await run(request(padded(REGISTER, 6_000), declared));
    expect(error).toBeUndefined();
    expect(body).toMatchObject({ query: REGISTER });
  });

  it('refuses a declared mass intake over its own limit, by its length or as it streams', async () => {
    const text = padded(REGISTER, 9_000);
    const byLength = await run(request(text, { ...declared, 'content-length': String(text.length) }));
    expect(byLength.error).toMatchObject({ status: 413 });
    const streamed = await run(request(text, declared));
    expect(streamed.error).toMatchObject({ status: 413 });
    expect(streamed.body).toBeUndefined();
  });

  it.each([
    ['another mutation', 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id } } }'],
    [
      'the mass intake beside another root field',
      `mutation R($input: RegisterMassIntakeInput!) { registerMassIntake(input: $input) { caseCount } passageNode { id } }`,
    ],
    ['a query of the same name', 'query Q { registerMassIntake { caseCount } }'],
    ['two operations', `${REGISTER} query Q { passageNode { id } }`],
    ['no document at all', ''],
  ])('refuses %s over the usual limit even when the header claims the mass intake', async (_label, query) => {
    const { error } = await run(request(padded(query, 2_000), declared));
    expect(error).toMatchObject({ status: 413, message: expect.stringMatching(/registerMassIntake/) });
  });

  it('lets a small request through whatever it declares', async () => {
    const small = JSON.stringify({ query: '{ passageNode { id } }' });
    const { error, body } = await run(request(small, declared));
    expect(error).toBeUndefined();
    expect(body).toEqual({ query: '{ passageNode { id } }' });
  });

  it('refuses malformed JSON with 400 and a compressed body with 415', async () => {
    expect((await run(request('{"query": ', declared))).error).toMatchObject({ status: 400 });
    expect((await run(request('{}', { ...declared, 'content-encoding': 'gzip' }))).error).toMatchObject({
      status: 415,
    });
  });

  it('gives up on a client that goes away mid-body', async () => {
    const req = request(padded(REGISTER, 6_000), declared);
    const outcome = run(req);
    req.destroy();
    expect((await outcome).error).toMatchObject({ status: 400 });
  });

  it('leaves other methods and content types to the usual handling', async () => {
    expect((await run(request('', declared, 'GET'))).body).toBeUndefined();
    expect((await run(request('a=1', { ...declared, 'content-type': 'text/plain' }))).body).toBeUndefined();
  });
});
