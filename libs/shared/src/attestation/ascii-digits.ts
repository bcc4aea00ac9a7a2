/**
 * A decimal digit of any script (Thai, Khmer, Lao, Myanmar, full-width…) as its ASCII digit; any other
 * character unchanged. Unicode encodes each script's decimal digits as ten consecutive code points from
 * zero to nine, and where two scripts' runs touch, each still starts at a zero; so a digit's value is its
 * distance from the start of the run of digits it sits in, modulo ten.
 */
export function asciiDigit(character: string): string {
  if (!/\p{Nd}/u.test(character) || (character >= '0' && character <= '9')) return character;
  const codePoint = character.codePointAt(0) as number;
  let zero = codePoint;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return String((codePoint - zero) % 10);
}
