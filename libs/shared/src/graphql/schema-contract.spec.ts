import { describe, expect, it } from '@jest/globals';
import { compareSchemaContracts, describeSchemaContractReport } from './schema-contract.js';

const previous = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key"])

  type Query {
    case(id: ID!): Case
    cases(first: Int): [Case!]!
    legacyCase(reference: String!): Case @deprecated(reason: "Use case.")
  }

  type Case @key(fields: "id") {
    id: ID!
    reference: String!
    status: CaseStatus!
    oldNote: String @deprecated(reason: "Use notes.")
  }

  enum CaseStatus {
    OPEN
    CLOSED
    ARCHIVED @deprecated(reason: "Closed cases are kept as CLOSED.")
  }
`;

/** The previous contract with one line replaced. */
function changed(from: string, to: string): string {
  if (!previous.includes(from)) throw new Error(`fixture has no ${from}`);
  return previous.replace(from, to);
}

describe('schema contract comparison', () => {
  it('finds nothing in an unchanged contract', () => {
    expect(compareSchemaContracts(previous, previous)).toEqual({ breaking: [], retired: [], dangerous: [] });
  });

  it('reports a removed field', () => {
    const report = compareSchemaContracts(previous, changed('reference: String!\n', ''));
    expect(report.breaking).toEqual([{ type: 'FIELD_REMOVED', description: 'Case.reference was removed.' }]);
    expect(describeSchemaContractReport(report)).toEqual(['breaking: Case.reference was removed.']);
  });

  it('does not count a removed field as breaking when it was deprecated first', () => {
    const report = compareSchemaContracts(
      previous,
      changed('oldNote: String @deprecated(reason: "Use notes.")', ''),
    );
    expect(report.breaking).toEqual([]);
    expect(report.retired).toEqual([{ type: 'FIELD_REMOVED', description: 'Case.oldNote was removed.' }]);
  });

  it('does the same for a deprecated query field and a deprecated enum value', () => {
    const withoutLegacy = changed(
      'legacyCase(reference: String!): Case @deprecated(reason: "Use case.")',
      '',
    );
    const withoutBoth = withoutLegacy.replace(
      'ARCHIVED @deprecated(reason: "Closed cases are kept as CLOSED.")',
      '',
    );
    const report = compareSchemaContracts(previous, withoutBoth);
    expect(report.breaking).toEqual([]);
    expect(report.retired.map((change) => change.description)).toEqual([
      'Query.legacyCase was removed.',
      'ARCHIVED was removed from enum type CaseStatus.',
    ]);
  });

  it('reports a removed enum value that was not deprecated', () => {
    const report = compareSchemaContracts(previous, changed('    CLOSED\n', ''));
    expect(report.breaking.map((change) => change.type)).toEqual(['VALUE_REMOVED_FROM_ENUM']);
  });

  it('reports a new required argument', () => {
    const report = compareSchemaContracts(
      previous,
      changed('cases(first: Int)', 'cases(first: Int, country: String!)'),
    );
    expect(report.breaking).toEqual([
      { type: 'REQUIRED_ARG_ADDED', description: 'A required arg country on Query.cases was added.' },
    ]);
  });

  it('reports a narrowed type', () => {
    const report = compareSchemaContracts(previous, changed('case(id: ID!): Case', 'case(id: ID!): Int'));
    expect(report.breaking.map((change) => change.type)).toEqual(['FIELD_CHANGED_KIND']);
  });

  it('does not report an added optional field or argument', () => {
    const added = changed('status: CaseStatus!', 'status: CaseStatus!\n    closedAt: String').replace(
      'cases(first: Int)',
      'cases(first: Int, country: String)',
    );
    const report = compareSchemaContracts(previous, added);
    expect(report.breaking).toEqual([]);
    expect(report.retired).toEqual([]);
  });

  it('reports an added enum value as dangerous, not breaking', () => {
    const report = compareSchemaContracts(previous, changed('    CLOSED\n', '    CLOSED\n    REOPENED\n'));
    expect(report.breaking).toEqual([]);
    expect(report.dangerous).toEqual([
      { type: 'VALUE_ADDED_TO_ENUM', description: 'REOPENED was added to enum type CaseStatus.' },
    ]);
  });

  it('refuses SDL that does not parse, with a code', () => {
    expect(() => compareSchemaContracts('type Query {', previous)).toThrow(
      expect.objectContaining({ name: 'SchemaContractError', code: 'UNREADABLE_SDL' }),
    );
  });
});
