/**
 * Why the server refused one field, beyond what the request schema says (a rule only a use-case
 * can check: a SKU not on this purchase order, a team that does not exist). A refusal carries the
 * reason's key and its parameters in `details.reason` and `details.params` beside the English
 * `message`; the console says it in the reader's language under `errors.reason.<key>`
 * (web/src/i18n), with the same `{{name}}` parameters.
 *
 * English is what the API has always said: integrators and logs read it.
 */
export const fieldReasons = {
  noOpenHold: 'order {{order}} has no open hold {{codes}}',
  notPhone: '"{{value}}" is not a phone number',
  orderLacks: 'order {{order}} has no {{kind}}',
  alreadyBlocked: '{{value}} is already on the blocklist',
  unknownRule: 'unknown rule "{{code}}"',
  ruleRepeated: '{{code}} is already rules.{{earlier}}',
  noUser: 'no user {{users}}',
  mergeNeedsTwo: 'name at least two orders to merge',
  parcelsCoverLines: 'put each of lines {{lines}} in exactly one non-empty parcel',
  unknownTeam: 'no team "{{team}}"; create it under Teams first',
  notDateTime: '"{{value}}" is not a date-time',
  notCurrency: '"{{value}}" is not an ISO 4217 currency',
  orderFileFormat: '{{path}}: order files must be .csv, .jsonl or .ndjson',
  noSuchOrder: 'no such order',
  stepDisallows: 'the current step does not allow {{action}}',
  dropNeedsReason: 'a dropped item needs its reason',
  notMeetingIssue: 'not an issue of this meeting',
  shopifySecret: 'Shopify signs webhooks with a secret it issues: paste it here',
  publicUrlLocal:
    'ORDO_PUBLIC_URL is {{url}}, which a shop on the internet cannot reach; set it to Ordo’s public address',
  noShopApi: 'the channel has no shop URL and API credentials',
  notJson: 'not JSON: {{detail}}',
  exportFormat: '"{{file}}": order exports must be .csv or .xlsx',
  fileEmpty: 'the file is empty: no header row',
  fileLine: 'line {{line}}: {{detail}}',
  notXlsx: 'not a readable .xlsx workbook: {{detail}}',
  columnMissing: 'column "{{column}}" is not in the file',
  noActiveService: 'no such active service',
  zoneUnpriced: 'zone "{{zone}}" has no rate',
  rangeBelowStart: 'must not be below the start',
  notOnPickList: '{{sku}} is not on this pick list',
  consolePath: 'a console path starting with "/"',
  jobForRole: 'this job description is for the role "{{role}}"',
  notOnCountSheet: '{{sku}} is not on this count sheet',
  noSuchUser: 'no such user',
  notOnPurchaseOrder: '{{sku}} is not on this purchase order',
  csvEmpty: 'the CSV is empty',
  sameWarehouse: 'must differ from the source warehouse',
  nothingToCount: 'nothing to count (no stock records match)',
  noOrderNumber: 'no order has the number {{number}}',
  noOrder: 'no order {{number}}',
  noReplyToken: 'no reply token in the address or the subject',
  noCustomerEmail: 'the complaint has no customer e-mail to reply to',
  notNegative: 'must not be negative',
  notOnOrder: '{{sku}} is not on order {{order}}',
  orderHasOnly: 'order {{order}} has {{quantity}} of {{sku}}',
  noLine: 'no line {{line}}',
  noWarehouse: 'no warehouse {{warehouse}}',
  refundAmount: 'must be above 0 and at most the order total {{total}}',
  timeZone: 'must be an IANA time zone such as Asia/Shanghai',
  notTimeZone: '"{{value}}" is not an IANA time zone such as Asia/Shanghai',
  dayExample: 'a day such as {{example}}',
  notDate: '"{{value}}" is not a date YYYY-MM-DD',
  toAfterFrom: 'must be after from (to is exclusive)',
  toAfterFromValue: '"{{to}}" must be after from ({{from}}); to is exclusive',
  periodTwoYears: 'a period is at most two years',
  periodTenYears: 'a period spans at most ten years',
  notIsoWeek: '"{{value}}" is not an ISO week such as 2026-W47',
  noMappingFits:
    'no saved or preset mapping of channel "{{channel}}" fits the file\'s columns; pass --mapping NAME|FILE.json',
  notPeriodPerson: '"{{person}}" is not one of the {{role}} people of this period',
  noSuchPeriod: 'no such evaluation period',
  dayFromToday: 'a day from today on',
  weightedTwice: '"{{figure}}" is weighted twice',
  weightsSum: 'the weights must sum to 100 (they sum to {{sum}})',
  windowTooLong: 'the window spans more than {{max}} {{by}}s',
  noCarrier: 'no carrier {{carrier}}',
  notOptionIndex: 'the index of one of the options',
  noLinkTarget: 'no {{kind}} "{{id}}"',
  noSuchCourse: 'no such course',
  answerPerQuestion: 'one answer for each of the {{count}} questions',
} as const satisfies Record<string, string>;

export type FieldReason = keyof typeof fieldReasons;
export type FieldReasonParams = Record<string, string | number>;

/** The reason in English with its parameters filled in. */
export function fieldReasonText(reason: FieldReason, params: FieldReasonParams = {}): string {
  return fieldReasons[reason].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}
