import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './api/client';

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

/** The server's text for one field, without the "field: " prefix it repeats. */
function fieldMessage(t: TFunction, field: string, message: string): string {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text === 'required' ? t('errors.fieldRequired') : text;
}

/**
 * The fields an error names: each entry of `details.issues` ({field, message}), else
 * `details.field` (a dotted path), else the field a conflict code is about.
 */
export function fieldErrors(t: TFunction, error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const issues = Array.isArray(error.details.issues)
    ? (error.details.issues as { field?: unknown; path?: unknown; message?: unknown }[])
    : [];
  const found: FieldError[] = [];
  for (const issue of issues) {
    const name = toNamePath(issue.field ?? issue.path);
    if (name)
      found.push({ name, message: fieldMessage(t, name.join('.'), String(issue.message ?? error.message)) });
  }
  if (found.length > 0) return found;
  const field = error.details.field;
  if (typeof field === 'string' && toNamePath(field)) {
    // A validation message is about the value; any other code (a conflict) reads better translated.
    const message =
      error.code === 'VALIDATION_FAILED' ? fieldMessage(t, field, error.message) : errorText(t, error);
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
