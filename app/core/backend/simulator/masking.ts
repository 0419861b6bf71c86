/** Masks the business system applies before personal numbers leave it. */

/** "13805321101" → "138****1101". */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** "QD3012245" → "QD*****45". */
export function maskCardNumber(cardNumber: string): string {
  if (cardNumber.length <= 4) return '*'.repeat(cardNumber.length);
  return `${cardNumber.slice(0, 2)}${'*'.repeat(cardNumber.length - 4)}${cardNumber.slice(-2)}`;
}

/** "王秀兰" → "王*兰", "刘婷" → "刘*": enough for the holder to recognise, as the public lookups show names. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
