/** Digits of a phone number; `+86 138-0013-8000` and `13800138000` compare by these. */
function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Whether what a customer typed names the order's contact: an e-mail address case-insensitively,
 * or a phone by its digits, where a country code typed or stored on one side only is allowed
 * (the shorter must still have at least 7 digits, so a few digits never match). Pure.
 */
export function isSameContact(
  typed: string,
  order: { email: string | null; phones: readonly (string | null)[] },
): boolean {
  const text = typed.trim();
  if (text.includes('@'))
    return order.email !== null && order.email.trim().toLowerCase() === text.toLowerCase();
  const digits = digitsOf(text);
  if (digits.length < 7) return false;
  return order.phones.some((phone) => {
    if (!phone) return false;
    const stored = digitsOf(phone);
    if (stored.length < 7) return false;
    const [shorter, longer] = stored.length <= digits.length ? [stored, digits] : [digits, stored];
    return longer.endsWith(shorter) && longer.length - shorter.length <= 3;
  });
}
