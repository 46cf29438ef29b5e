import { useTranslation } from 'react-i18next';
import { type Explanation, explanationLang, renderExplanation } from '../../src/contracts/explanations.ts';

/**
 * Renders the server's explanations (a key with parameters) in the console's language; rows
 * stored before an explanation existed have only the server's English text, shown as sent.
 */
export function useExplain() {
  const { i18n } = useTranslation();
  const lang = explanationLang(i18n.language);
  return (explanation: Explanation | null | undefined, fallback?: string | null): string =>
    explanation ? renderExplanation(explanation, lang) : (fallback ?? '');
}
