import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import {
  Args,
  GraphQLSchemaBuilderModule,
  GraphQLModule,
  GraphQLSchemaFactory,
  GraphQLSchemaHost,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { graphql, printType, type GraphQLInputObjectType } from 'graphql';
import { z } from 'zod';
import { declareInput, orNull } from './input-declaration.js';

const RecordNote = declareInput(
  'RecordNoteInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    tags: { type: () => [String], schema: z.array(z.string().min(1)).max(3) },
    text: { type: () => String, schema: z.string().min(1), description: 'What was said, in brief.' },
    language: { type: () => String, nullable: true, schema: z.string().length(2).nullish() },
  },
  {
    description: 'A note on a case.',
    refine: (schema) =>
      schema.refine((input) => input.language !== 'xx' || input.tags.length > 0, {
        path: ['tags'],
        message: 'needs a tag in that language',
      }),
  },
);

const Attendee = declareInput(
  'AttendeeInput',
  {
    name: { type: () => String, schema: z.string().min(1, 'is required') },
    interpreter: {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      schema: z
        .boolean()
        .nullish()
        .transform((value) => value ?? false),
    },
  },
  {
    refine: (schema) => schema.transform((attendee) => ({ ...attendee, label: attendee.name.toUpperCase() })),
  },
);

const ScheduleMeeting = declareInput('ScheduleMeetingInput', {
  attendees: {
    type: () => [Attendee.type],
    schema: z.array(Attendee.schema).min(1, 'must name someone'),
  },
  host: { type: () => Attendee.type, nullable: true, schema: Attendee.schema.nullish() },
  minutes: { type: () => Int, defaultValue: 30, schema: z.number().int().max(240, 'is too long') },
});

const MeetingFilter = declareInput(
  'MeetingFilter',
  { room: { type: () => String, nullable: true, schema: z.string().max(3, 'is not a room').nullish() } },
  { refine: (schema) => schema.nullish().transform((value) => value ?? {}) },
);

@Resolver()
class NoteResolver {
  @Query(() => Boolean)
  ready() {
    return true;
  }

  @Mutation(() => Boolean)
  recordNote(@Args('input', { type: () => RecordNote.type }, RecordNote.pipe) _input: unknown) {
    return true;
  }

  @Mutation(() => Boolean)
  scheduleMeeting(
    @Args('input', { type: () => ScheduleMeeting.type }, ScheduleMeeting.pipe) _input: unknown,
  ) {
    return true;
  }

  @Query(() => Boolean)
  meetings(
    @Args('filter', { type: () => MeetingFilter.type, nullable: true }, MeetingFilter.pipe) _filter: unknown,
  ) {
    return true;
  }
}

const valid = { caseId: '6f1c1f5e-6d7a-4d6c-9a43-2b8f7f0f6f4b', tags: ['a'], text: 'hello' };

describe('declareInput', () => {
  it('builds the GraphQL input type from the declaration, in its order, with descriptions and nullability', async () => {
    const module = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await module.get(GraphQLSchemaFactory).create([NoteResolver]);
    const type = schema.getType('RecordNoteInput') as GraphQLInputObjectType;
    expect(printType(type)).toBe(
      [
        '"""A note on a case."""',
        'input RecordNoteInput {',
        '  caseId: ID!',
        '  tags: [String!]!',
        '',
        '  """What was said, in brief."""',
        '  text: String!',
        '  language: String',
        '}',
      ].join('\n'),
    );
  });

  it('nests declared inputs, with their defaults', async () => {
    const module = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await module.get(GraphQLSchemaFactory).create([NoteResolver]);
    expect(printType(schema.getType('ScheduleMeetingInput') as GraphQLInputObjectType)).toBe(
      [
        'input ScheduleMeetingInput {',
        '  attendees: [AttendeeInput!]!',
        '  host: AttendeeInput',
        '  minutes: Int! = 30',
        '}',
      ].join('\n'),
    );
    expect(printType(schema.getType('AttendeeInput') as GraphQLInputObjectType)).toBe(
      ['input AttendeeInput {', '  name: String!', '  interpreter: Boolean = false', '}'].join('\n'),
    );
  });

  it("applies a nested input's schema, transforms and paths included", () => {
    expect(
      ScheduleMeeting.pipe.transform({ attendees: [{ name: 'ana' }], minutes: 30 }, { type: 'body' }),
    ).toEqual({ attendees: [{ name: 'ana', interpreter: false, label: 'ANA' }], minutes: 30 });
    expect(() =>
      ScheduleMeeting.pipe.transform(
        { attendees: [{ name: 'ana' }, { name: '' }], minutes: 30 },
        { type: 'body' },
      ),
    ).toThrow(expect.objectContaining({ details: { field: 'input.attendees.1.name' } }));
  });

  it('names the fields at fault under the argument the pipe is applied to', () => {
    expect(MeetingFilter.pipe.transform(undefined, { type: 'custom', data: 'filter' })).toEqual({});
    expect(() => MeetingFilter.pipe.transform({ room: 'hall' }, { type: 'custom', data: 'filter' })).toThrow(
      expect.objectContaining({ details: { field: 'filter.room' } }),
    );
  });

  it('runs in a GraphQL request, naming the argument the input came in', async () => {
    const module = await Test.createTestingModule({
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true })],
      providers: [NoteResolver],
    }).compile();
    const app = module.createNestApplication({ logger: false });
    await app.init();
    try {
      const { schema } = app.get(GraphQLSchemaHost);
      const run = (source: string) => graphql({ schema, source, contextValue: {} });
      expect((await run('{ meetings(filter: { room: "B12" }) }')).errors).toBeUndefined();
      expect((await run('{ meetings(filter: { room: "hall" }) }')).errors?.[0].message).toBe(
        'filter.room: is not a room',
      );
    } finally {
      await app.close();
    }
  });

  it('validates with the same declaration, naming the field at fault under input', () => {
    expect(RecordNote.pipe.transform({ ...valid, language: undefined }, { type: 'body' })).toEqual({
      ...valid,
      language: undefined,
    });
    expect(() => RecordNote.pipe.transform({ ...valid, caseId: 'nope' }, { type: 'body' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.caseId' } }),
    );
    expect(() => RecordNote.pipe.transform({ ...valid, tags: [], language: 'xx' }, { type: 'body' })).toThrow(
      expect.objectContaining({ details: { field: 'input.tags' } }),
    );
  });

  it('keeps the schema for callers that validate outside GraphQL', () => {
    expect(RecordNote.schema.safeParse(valid).success).toBe(true);
    expect(RecordNote.schema.safeParse({ ...valid, text: '' }).success).toBe(false);
  });
});

describe('orNull', () => {
  it('gives the value, or null for null and for a field left out', () => {
    const schema = orNull(z.string().min(1));
    expect(schema.parse('x')).toBe('x');
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.safeParse('').success).toBe(false);
  });
});
