// Typed calls for marketplace order files: mappings per channel, upload, preview, import, progress.
// The shapes are the server's own zod contracts, imported as types only.
import type { z } from 'zod';
import type {
  ColumnMapping,
  ImportJob,
  MappedField,
  preview,
  SavedMapping,
  uploadedFile,
} from '../../../src/contracts/file-imports.ts';
import { get, put, request } from './client';

export type { ColumnMapping, ImportJob, MappedField, SavedMapping };
export type UploadedFile = z.output<typeof uploadedFile>;
export type Preview = z.output<typeof preview>;
export type PreviewRow = Preview['rows'][number];

const id = (value: string) => encodeURIComponent(value);

export const fileImportsApi = {
  mappings: (channel: string) => get<{ items: SavedMapping[] }>(`/channels/${id(channel)}/import-mappings`),
  saveMapping: (channel: string, name: string, mapping: ColumnMapping) =>
    put<SavedMapping>(`/channels/${id(channel)}/import-mappings/${id(name)}`, mapping),
  upload: (channel: string, file: File) =>
    request<UploadedFile>('POST', '/file-imports', { query: { channel, fileName: file.name }, file }),
  preview: (importId: string, mapping: ColumnMapping, limit = 20) =>
    request<Preview>('POST', `/file-imports/${id(importId)}/preview`, { json: { mapping, limit } }),
  start: (importId: string, mapping: ColumnMapping) =>
    request<ImportJob>('POST', `/file-imports/${id(importId)}/import`, { json: { mapping } }),
  job: (importId: string) => get<ImportJob>(`/file-imports/${id(importId)}`),
  resultUrl: (importId: string) => `/api/v1/file-imports/${id(importId)}/result.csv`,
};
