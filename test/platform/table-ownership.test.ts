import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error plain ESM script without type declarations
import { moduleLayers } from '../../scripts/module-walls.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Who owns each table (docs/architecture.md). A module's SQL touches its own tables, and reads a
 * lower module's data only through that module's read views (migrations/005_read_views.ts).
 * Platform tables are reached through src/platform (settings, audit log, outbox).
 */
const owners: Record<string, string> = {
  users: 'staff',
  sessions: 'staff',
  api_keys: 'staff',
  job_descriptions: 'staff',
  job_description_acknowledgements: 'staff',
  training_courses: 'staff',
  training_requirements: 'staff',
  training_sessions: 'staff',
  training_attendance: 'staff',
  training_attempts: 'staff',
  training_reminders: 'staff',
  evaluation_periods: 'performance',
  evaluation_reviews: 'performance',
  improvement_plans: 'performance',
  work_shifts: 'performance',
  skus: 'catalog',
  channels: 'catalog',
  channel_connectors: 'channels',
  channel_deliveries: 'channels',
  channel_sync_settings: 'channels',
  channel_sync_skus: 'channels',
  channel_sync_queue: 'channels',
  channel_sync_log: 'channels',
  warehouses: 'inventory',
  stock_levels: 'inventory',
  stock_plans: 'inventory',
  stock_movements: 'inventory',
  allocations: 'inventory',
  channel_stock_rules: 'inventory',
  suppliers: 'inventory',
  purchase_orders: 'inventory',
  purchase_order_lines: 'inventory',
  stock_alerts: 'inventory',
  stocktakes: 'inventory',
  stocktake_lines: 'inventory',
  orders: 'orders',
  order_lines: 'orders',
  order_holds: 'orders',
  order_status_history: 'orders',
  order_events: 'orders',
  order_notes: 'orders',
  audit_rule_sets: 'orders',
  blocklist: 'orders',
  review_decisions: 'orders',
  teams: 'orders',
  team_members: 'orders',
  waves: 'fulfilment',
  wave_orders: 'fulfilment',
  pick_lines: 'fulfilment',
  parcels: 'fulfilment',
  shipment_exceptions: 'fulfilment',
  carriers: 'logistics',
  carrier_services: 'logistics',
  shipments: 'logistics',
  tracking_events: 'logistics',
  file_import_mappings: 'channels',
  file_imports: 'channels',
  notification_messages: 'service',
  notification_templates: 'service',
  insights_kpi_definitions: 'insights',
  insights_daily_counts: 'insights',
  insights_daily_samples: 'insights',
  insights_daily_stage_hours: 'insights',
  insights_monthly_counts: 'insights',
  insights_monthly_samples: 'insights',
  insights_monthly_stage_hours: 'insights',
  insights_state: 'insights',
  settings: 'platform',
  audit_log: 'platform',
  outbox: 'platform',
  meeting_series: 'review',
  meetings: 'review',
  meeting_agenda_items: 'review',
  meeting_issues: 'review',
  meeting_decisions: 'review',
  meeting_action_items: 'review',
  meeting_feedback: 'review',
  corrective_actions: 'review',
  kb_articles: 'review',
  meeting_calendar_days: 'review',
  service_routing: 'service',
  service_complaints: 'service',
  service_complaint_messages: 'service',
  service_returns: 'service',
  service_return_lines: 'service',
  service_refunds: 'service',
  service_surveys: 'service',
  risk_playbooks: 'risk',
  risk_cases: 'risk',
  risk_case_events: 'risk',
  risk_monitors: 'risk',
  risk_monitor_samples: 'risk',
  risk_alerts: 'risk',
  risk_measures: 'risk',
  risk_incidents: 'risk',
  risk_incident_log: 'risk',
};

/** Table names a file's queries name: Kysely builders and raw `sql` templates. */
function tablesNamed(text: string): string[] {
  const builder =
    /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"]([a-z_]+)/g;
  const found = [...text.matchAll(builder)].map((m) => m[1]!);
  for (const template of text.matchAll(/\bsql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const m of template[1]!.matchAll(/\b(?:from|join|update|into)\s+([a-z_]+)/gi)) found.push(m[1]!);
  }
  return found;
}

function moduleSources(module: string): string[] {
  const dir = path.join(root, 'src', 'modules', module);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file));
}

/** A read view `<module>_…_view` belongs to that module; a module may read its own and lower ones. */
function mayTouch(module: string, table: string): boolean {
  const view = /^([a-z]+)_[a-z_]+_view$/.exec(table);
  if (view) return moduleLayers.indexOf(view[1]) <= moduleLayers.indexOf(module);
  return owners[table] === undefined || owners[table] === module;
}

describe('table ownership', () => {
  it('knows the owner of every table the schema declares', () => {
    const schema = fs.readFileSync(path.join(root, 'src', 'platform', 'db', 'schema.ts'), 'utf8');
    const body = schema.slice(schema.indexOf('export interface DB'));
    const tables = [...body.matchAll(/^\s+([a-z_]+): /gm)]
      .map((m) => m[1]!)
      .filter((t) => !t.endsWith('_view'));
    assert.deepEqual(
      tables.filter((table) => !owners[table]),
      [],
      'add new tables to the owners above',
    );
  });

  it("no module's SQL touches another module's tables, only lower modules' read views", () => {
    const crossings = (moduleLayers as string[]).flatMap((module) =>
      moduleSources(module).flatMap((file) =>
        tablesNamed(fs.readFileSync(file, 'utf8'))
          .filter((table) => !mayTouch(module, table))
          .map((table) => `${path.relative(root, file)} → ${table} (${owners[table] ?? 'a higher module'})`),
      ),
    );
    assert.deepEqual([...new Set(crossings)], []);
  });
});
