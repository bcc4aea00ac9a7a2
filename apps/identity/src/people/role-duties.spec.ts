import { describe, expect, it } from '@jest/globals';
import { requiresSecondFactor, splitRoleChange } from './role-duties.js';

describe('role duties', () => {
  it('holds back added case and administrator roles, and lets removals and other roles through', () => {
    expect(splitRoleChange(['CASEWORKER'], ['FOCAL_POINT', 'CASEWORKER'])).toEqual({
      effectiveNow: ['CASEWORKER'],
      awaitingApproval: ['FOCAL_POINT'],
    });
    expect(splitRoleChange(['ORGANISATION_ADMIN', 'CASEWORKER'], ['ORGANISATION_ADMIN'])).toEqual({
      effectiveNow: ['ORGANISATION_ADMIN'],
      awaitingApproval: [],
    });
    expect(splitRoleChange([], ['DATA_PROTECTION_OFFICER', 'ORGANISATION_ADMIN'])).toEqual({
      effectiveNow: ['DATA_PROTECTION_OFFICER'],
      awaitingApproval: ['ORGANISATION_ADMIN'],
    });
  });

  it('requires a second factor of case roles, verifiers and administrators only', () => {
    expect(requiresSecondFactor(['VERIFIER'])).toBe(true);
    expect(requiresSecondFactor(['ORGANISATION_ADMIN'])).toBe(true);
    expect(requiresSecondFactor(['DATA_PROTECTION_OFFICER'])).toBe(false);
    expect(requiresSecondFactor(['PLATFORM_ADMIN'])).toBe(false);
  });
});
