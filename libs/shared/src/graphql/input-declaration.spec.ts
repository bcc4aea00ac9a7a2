import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import {
  Args,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ID,
  Mutation,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { printType, type GraphQLInputObjectType } from 'graphql';
import { z } from 'zod';
import { declareInput } from './input-declaration.js';

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
