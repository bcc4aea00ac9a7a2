import {
  BreakingChangeType,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

/** One difference between two versions of a schema contract, as graphql-js describes it. */
export interface SchemaContractChange {
  type: string;
  description: string;
}

/** What changed between the checked-in schema contract and the one the code builds now. */
export interface SchemaContractReport {
  /** Breaking changes that need a decision: clients written against the previous contract may fail. */
  breaking: SchemaContractChange[];
  /** Removals of what the previous contract had already marked `@deprecated`: announced, so allowed. */
  retired: SchemaContractChange[];
  /** Changes that keep every valid operation valid but may change what an existing client sees. */
  dangerous: SchemaContractChange[];
}

/** Why a schema contract could not be compared or composed. */
export type SchemaContractErrorCode = 'UNREADABLE_SDL' | 'COMPOSITION_FAILED';

/** Raised when a contract cannot be read as a schema, or subgraph contracts do not compose. */
export class SchemaContractError extends Error {
  constructor(
    readonly code: SchemaContractErrorCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'SchemaContractError';
  }
}

/**
 * Compares the previous version of a schema contract (subgraph or supergraph SDL) with the current one.
 * A breaking change is one graphql-js's `findBreakingChanges` reports (a removed type, field, argument or
 * enum value, a narrowed type, a new required argument or input field…); removing a field, an argument or
 * an enum value that the previous contract marked `@deprecated` is not, because clients were told.
 *
 * @throws SchemaContractError `UNREADABLE_SDL` when either SDL does not parse.
 */
export function compareSchemaContracts(previousSdl: string, currentSdl: string): SchemaContractReport {
  const previous = readContract(previousSdl, 'previous');
  const current = readContract(currentSdl, 'current');
  const deprecated = deprecatedCoordinates(previous);
  const report: SchemaContractReport = { breaking: [], retired: [], dangerous: [] };
  for (const change of findBreakingChanges(previous, current)) {
    const removed = removedCoordinate(change);
    const target = removed !== undefined && deprecated.has(removed) ? report.retired : report.breaking;
    target.push({ type: change.type, description: change.description });
  }
  report.dangerous = findDangerousChanges(previous, current).map(({ type, description }) => ({
    type,
    description,
  }));
  return report;
}

/** The report as lines for a terminal or a test failure; empty when nothing changed that matters. */
export function describeSchemaContractReport(report: SchemaContractReport): string[] {
  return [
    ...report.breaking.map((change) => `breaking: ${change.description}`),
    ...report.retired.map((change) => `removed after deprecation: ${change.description}`),
    ...report.dangerous.map((change) => `dangerous: ${change.description}`),
  ];
}

function readContract(sdl: string, which: string): GraphQLSchema {
  try {
    // Federation directives (@key, @link, @join__*) are not defined in the SDL; they do not matter here.
    return buildSchema(sdl, { assumeValidSDL: true });
  } catch (error) {
    throw new SchemaContractError(
      'UNREADABLE_SDL',
      `the ${which} schema contract is not valid SDL: ${(error as Error).message}`,
    );
  }
}

/** `Type.field`, `Type.field(arg:)` and `Enum.VALUE` of everything the schema marks deprecated. */
function deprecatedCoordinates(schema: GraphQLSchema): Set<string> {
  const coordinates = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (value.deprecationReason != null) coordinates.add(`${type.name}.${value.name}`);
      }
    } else if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) coordinates.add(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (arg.deprecationReason != null) coordinates.add(`${type.name}.${field.name}(${arg.name}:)`);
        }
      }
    }
  }
  return coordinates;
}

/**
 * The coordinate a removal names. graphql-js 16 gives changes as text only; these are its exact
 * wordings, and a wording that does not match leaves the change breaking, which is the safe side.
 */
function removedCoordinate(change: { type: string; description: string }): string | undefined {
  switch (change.type) {
    case BreakingChangeType.FIELD_REMOVED: {
      const match = /^(\w+)\.(\w+) was removed\.$/.exec(change.description);
      return match ? `${match[1]}.${match[2]}` : undefined;
    }
    case BreakingChangeType.ARG_REMOVED: {
      const match = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(change.description);
      return match ? `${match[1]}.${match[2]}(${match[3]}:)` : undefined;
    }
    case BreakingChangeType.VALUE_REMOVED_FROM_ENUM: {
      const match = /^(\w+) was removed from enum type (\w+)\.$/.exec(change.description);
      return match ? `${match[2]}.${match[1]}` : undefined;
    }
    default:
      return undefined;
  }
}
