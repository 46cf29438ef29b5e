/** Column mappings saved per channel, and the presets offered before any is saved. */
import { type ColumnMapping, columnMapping, type SavedMapping } from '../../../contracts/file-imports.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, fromZodIssues, invalidField, notFound } from '../../../platform/errors.ts';
import type { Catalog } from '../../catalog/index.ts';
import { fileImportsRepository as repo } from './file-imports.repository.ts';
import { presetMappings } from './presets.ts';

export interface MappingsDeps {
  database: Database;
  clock: Clock;
  catalog: { channels: Pick<Catalog['channels'], 'channelStates'> };
}

export function createMappings(deps: MappingsDeps) {
  const { database, clock } = deps;

  async function assertChannel(channelId: string): Promise<void> {
    const states = await deps.catalog.channels.channelStates();
    if (!states.has(channelId)) throw notFound('channel', channelId);
  }

  /** The channel's saved mappings, then the presets it has not saved under their names. */
  async function listMappings(channelId: string): Promise<SavedMapping[]> {
    await assertChannel(channelId);
    const saved = (await repo.listMappings(database.db, channelId)).map(
      (row): SavedMapping => ({
        channel: channelId,
        name: row.name,
        isPreset: false,
        mapping: columnMapping.parse(readJson(row.mapping)),
        updatedAt: row.updated_at,
      }),
    );
    const names = new Set(saved.map((m) => m.name));
    const presets = Object.entries(presetMappings)
      .filter(([name]) => !names.has(name))
      .map(([name, mapping]) => ({ channel: channelId, name, isPreset: true, mapping, updatedAt: null }));
    return [...saved, ...presets];
  }

  async function saveMapping(
    actor: Actor,
    channelId: string,
    name: string,
    mapping: ColumnMapping,
  ): Promise<SavedMapping> {
    await assertChannel(channelId);
    const now = clock.now().toISOString();
    await inTransaction(database, async (tx) => {
      await repo.saveMapping(tx, {
        channel_id: channelId,
        name,
        mapping: writeJson(mapping),
        updated_by: actor.name,
        updated_at: now,
      });
      await recordAudit(tx, actor, clock.now(), {
        action: 'file_import_mapping.saved',
        targetType: 'channel',
        targetId: channelId,
        details: { name },
      });
    });
    return { channel: channelId, name, isPreset: false, mapping, updatedAt: now };
  }

  async function deleteMapping(actor: Actor, channelId: string, name: string): Promise<void> {
    await inTransaction(database, async (tx) => {
      if (!(await repo.deleteMapping(tx, channelId, name))) throw notFound('mapping', `${channelId}/${name}`);
      await recordAudit(tx, actor, clock.now(), {
        action: 'file_import_mapping.deleted',
        targetType: 'channel',
        targetId: channelId,
        details: { name },
      });
    });
  }

  /** A mapping by name (the channel's saved one, else a preset), or one given whole. */
  async function resolveMapping(channelId: string, choice: MappingChoice): Promise<ColumnMapping> {
    if (typeof choice !== 'string') return parseMapping(choice);
    const row = await repo.findMapping(database.db, channelId, choice);
    if (row) return columnMapping.parse(readJson(row.mapping));
    const preset = presetMappings[choice];
    if (preset) return preset;
    throw new AppError('VALIDATION_FAILED', `mapping: channel "${channelId}" has no mapping "${choice}"`, {
      field: 'mapping',
      known: [...Object.keys(presetMappings)],
    });
  }

  return { assertChannel, listMappings, saveMapping, deleteMapping, resolveMapping };
}

/** A mapping given whole, or its name. */
export type MappingChoice = string | Record<string, unknown>;

/** A mapping written as JSON (a file for the CLI): a 400 naming the first bad field under `mapping`. */
export function parseMappingJson(text: string): ColumnMapping {
  try {
    return parseMapping(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw invalidField('mapping', 'notJson', { detail: error.message });
    throw error;
  }
}

function parseMapping(value: unknown): ColumnMapping {
  const parsed = columnMapping.safeParse(value);
  if (!parsed.success) throw fromZodIssues(parsed.error.issues, 'mapping');
  return parsed.data;
}

export type Mappings = ReturnType<typeof createMappings>;
