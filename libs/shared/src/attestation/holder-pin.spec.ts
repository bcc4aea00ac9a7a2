import { describe, expect, it } from '@jest/globals';
import { InvalidHolderPinError } from './attestation.errors.js';
import { HOLDER_PIN_LENGTH, generateHolderPin, normaliseHolderPin } from './holder-pin.js';

describe('holder PINs', () => {
  it('are six digits drawn one by one from the random source', () => {
    const calls: number[] = [];
    const pin = generateHolderPin((n) => {
      calls.push(n);
      return calls.length % 10;
    });
    expect(pin).toBe('123456');
    expect(calls).toEqual(Array(HOLDER_PIN_LENGTH).fill(10));
    for (let i = 0; i < 100; i++) expect(generateHolderPin()).toMatch(/^[0-9]{6}$/);
  });

  it.each([
    ['482913', '482913'],
    [' 482-913 ', '482913'],
    ['４８２９１３', '482913'], // full-width
    ['໔໘໒໙໑໓', '482913'], // Lao digits
    ['၄၈၂၉၁၃', '482913'], // Myanmar digits
  ])('reads %j as %j', (input, expected) => {
    expect(normaliseHolderPin(input)).toBe(expected);
  });

  it.each([[''], ['48291'], ['4829134'], ['48291O'], ['PIN482913']])('refuses %j', (input) => {
    expect(() => normaliseHolderPin(input)).toThrow(InvalidHolderPinError);
  });
});
