import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './api/client.ts';

/** The message to show for a failed request: translated by error code, else the server's text. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.UNKNOWN') });
  }
  return t('errors.UNKNOWN');
}

export type FieldError = { name: (string | number)[]; message: string };

/** `lines.0.sku` → ['lines', 0, 'sku'], the name path antd forms use. */
function toNamePath(path: unknown): (string | number)[] | null {
  const parts = Array.isArray(path) ? path : typeof path === 'string' ? path.split('.') : null;
  if (!parts || parts.length === 0) return null;
  return parts.map((part) =>
    typeof part === 'number' || /^\d+$/.test(String(part)) ? Number(part) : String(part),
  );
}

// Conflicts that concern one form field even when the server does not name it.
const fieldOfCode: Record<string, string> = { USERNAME_TAKEN: 'username', SKU_CODE_TAKEN: 'code' };

/** One issue as the server gives it: zod's code and limits beside its English message. */
interface Issue {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  /** A use-case's own reason (src/contracts/field-reasons.ts), said under `errors.reason`. */
  reason?: string;
}

/** The i18n key of an issue under `errors.field`, from its code and what it is about. */
function issueKey(issue: Issue, text: string): string | null {
  const { code, params = {} } = issue;
  if (text === 'required') return 'required';
  if (code === 'invalid_type')
    return /received undefined|received null/.test(text) ? 'required' : 'invalid_type';
  if (code === 'too_small' || code === 'too_big') {
    const origin = ['string', 'number', 'array'].includes(String(params.origin)) ? params.origin : 'number';
    if (code === 'too_small' && origin !== 'number' && Number(params.minimum) === 1) return 'required';
    return `${code}_${origin}`;
  }
  if (code === 'invalid_format') return params.format === 'regex' ? 'invalid_format_regex' : 'invalid_format';
  if (code === 'invalid_value' || code === 'unrecognized_keys' || code === 'custom') return code;
  return null;
}

/**
 * The text for one field in the console's language: by the issue's code with its limits
 * (`errors.field.*`), else the server's text without the "field: " prefix it repeats.
 * Keys only Chinese has (a pattern's own words, a custom rule) fall back to the English message.
 */
function fieldMessage(t: TFunction, field: string, issue: Issue): string {
  const text = issue.message.startsWith(`${field}: `) ? issue.message.slice(field.length + 2) : issue.message;
  // English has no keys here: the server's text is the English wording.
  if (issue.reason) return t(`errors.reason.${issue.reason}`, { ...issue.params, defaultValue: text });
  const key = issueKey(issue, text);
  if (key === 'required') return t('errors.fieldRequired');
  if (!key) return text;
  const params = issue.params ?? {};
  const format =
    params.format === undefined
      ? ''
      : t(`errors.format.${params.format}`, { defaultValue: String(params.format) });
  // `message` is the server's own wording: English keeps it where a rule is the server's own.
  return t(`errors.field.${key}`, { ...params, format, message: text, defaultValue: text });
}

/**
 * The fields an error names: each entry of `details.issues` ({field, message}), else
 * `details.field` (a dotted path), else the field a conflict code is about.
 */
export function fieldErrors(t: TFunction, error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const issues = Array.isArray(error.details.issues)
    ? (error.details.issues as {
        field?: unknown;
        path?: unknown;
        message?: unknown;
        code?: unknown;
        params?: unknown;
      }[])
    : [];
  const found: FieldError[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.field ?? issue.path);
    if (name)
      found.push({
        name,
        message: fieldMessage(t, name.join('.'), {
          message: String(issue.message ?? error.message),
          code: typeof issue.code === 'string' ? issue.code : undefined,
          params: issue.params as Issue['params'],
        }),
      });
  }
  if (found.length > 0) return found;
  const field = error.details.field;
  if (typeof field === 'string' && toNamePath(field)) {
    // A validation message is about the value; any other code (a conflict) reads better translated.
    const message =
      error.code === 'VALIDATION_FAILED'
        ? fieldMessage(t, field, {
            message: error.message,
            reason: typeof error.details.reason === 'string' ? error.details.reason : undefined,
            params: error.details.params as Issue['params'],
          })
        : errorText(t, error);
    return [{ name: toNamePath(field) ?? [], message }];
  }
  const conflictField = fieldOfCode[error.code];
  return conflictField ? [{ name: [conflictField], message: errorText(t, error) }] : [];
}

/** Puts the errors a failed save names onto the form's fields; returns them. */
export function showFieldErrors<T>(form: FormInstance<T>, t: TFunction, error: unknown): FieldError[] {
  const fields = fieldErrors(t, error);
  type Fields = Parameters<FormInstance<T>['setFields']>[0];
  form.setFields(fields.map((field) => ({ name: field.name, errors: [field.message] })) as Fields);
  return fields;
}
