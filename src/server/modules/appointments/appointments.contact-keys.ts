/**
 * The forms one phone number takes in stored keys: the registry keeps E.164 (+351 added to a
 * 9-digit number), bookings keep the digits as typed (a leading + kept). A person's contact matches
 * a booking when any of these forms does.
 */
export function phoneKeyVariants(key: string, defaultCountryCode = '351'): string[] {
  const variants = new Set([key]);
  if (key.startsWith('00')) variants.add(`+${key.slice(2)}`);
  const plus = key.startsWith('00') ? `+${key.slice(2)}` : key;
  if (plus.startsWith(`+${defaultCountryCode}`) && plus.length === defaultCountryCode.length + 10) variants.add(plus.slice(defaultCountryCode.length + 1));
  if (/^\d{9}$/.test(key)) variants.add(`+${defaultCountryCode}${key}`);
  if (plus.startsWith('+')) variants.add(`00${plus.slice(1)}`);
  return [...variants];
}
