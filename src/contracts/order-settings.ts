import { z } from 'zod';
import { type BusinessCalendar, businessCalendarSchema } from '../platform/business-calendar.ts';
import { deliveryServices, orderTypes } from './order-enums.ts';

// The orders settings document (GET/PATCH /settings/orders): the server validates it with these
// schemas and the console edits it with their types.

type OrderType = (typeof orderTypes)[number];
type DeliveryService = (typeof deliveryServices)[number];

/** Ship-by rule for a channel and type; '*' matches any. Neither deadline field → no deadline. */
export interface Sla {
  channel: string | '*';
  type: OrderType | '*';
  shipWithinWorkingHours?: number;
  /** Ship by today's close when received before the cut-off, else by the next working day's close. */
  sameDayBeforeCutoff?: boolean;
}

/** Every condition present in `when` must hold; the first matching rule sets the type. */
export interface ClassificationRule {
  when: {
    requestedService?: DeliveryService[];
    skuFlag?: 'madeToOrder' | 'presale';
    customerGroup?: string[];
    channel?: string[];
    minTotalMinor?: number;
    /** Units across all lines. */
    minQuantity?: number;
  };
  type: OrderType;
}

export interface OrderPolicy {
  calendar: BusinessCalendar;
  slas: Sla[];
  classification: ClassificationRule[];
  /** An order is at risk when fewer working hours than this remain before its ship-by. */
  atRiskWorkingHours: number;
}

const slaSchema = z
  .object({
    channel: z.string().min(1, "must be a channel id or '*'"),
    type: z.enum([...orderTypes, '*']),
    shipWithinWorkingHours: z.number().positive().optional(),
    sameDayBeforeCutoff: z.boolean().optional(),
  })
  .refine((sla) => !(sla.sameDayBeforeCutoff && sla.shipWithinWorkingHours !== undefined), {
    path: ['sameDayBeforeCutoff'],
    message: 'choose either sameDayBeforeCutoff or shipWithinWorkingHours, not both',
  });

const valueList = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'must list at least one value (or leave the condition out)');

const classificationRuleSchema = z.object({
  // Strict: a misspelt condition (say `minQty`) would otherwise be dropped silently and turn
  // the rule into one that matches every order.
  when: z.strictObject({
    requestedService: valueList(z.enum(deliveryServices)).optional(),
    skuFlag: z.enum(['madeToOrder', 'presale']).optional(),
    customerGroup: valueList(z.string().min(1)).optional(),
    channel: valueList(z.string().min(1)).optional(),
    minTotalMinor: z.number().int().nonnegative().optional(),
    minQuantity: z.number().int().positive().optional(),
  }),
  type: z.enum(orderTypes),
});

export const orderPolicySchema: z.ZodType<OrderPolicy> = z.object({
  calendar: businessCalendarSchema,
  slas: z.array(slaSchema).superRefine((slas, ctx) => {
    // Two SLAs for the same channel and type would leave the deadline to list order.
    slas.forEach((sla, index) => {
      if (slas.findIndex((other) => other.channel === sla.channel && other.type === sla.type) < index) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `duplicates the SLA for ${sla.channel}/${sla.type}`,
        });
      }
    });
  }),
  classification: z.array(classificationRuleSchema),
  atRiskWorkingHours: z.number().positive().default(4),
});

/** Merging buyers' open orders into one shipment: offered to reviewers, or done at intake. */
export const mergeSettingsSchema = z.object({
  mode: z.enum(['offer', 'auto']).default('offer'),
  /** Only open orders placed this recently count as the same shipment (the merge window). */
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(48),
});
export type MergeSettings = z.output<typeof mergeSettingsSchema>;

export const autoholdSchema = z.object({
  isEnabled: z.boolean().default(false),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
});

export const assignmentRulesSchema = z
  .array(
    z.object({
      team: z.string().min(1).max(64),
      types: z.array(z.enum(orderTypes)).optional(),
      holdCodes: z.array(z.string()).optional(),
      channels: z.array(z.string()).optional(),
    }),
  )
  .max(100);
export type AssignmentRule = z.output<typeof assignmentRulesSchema>[number];

export const orderSettingsSchema = z.object({
  policy: orderPolicySchema,
  autohold: autoholdSchema,
  merge: mergeSettingsSchema,
  assignment: assignmentRulesSchema,
});
export type OrderSettings = z.output<typeof orderSettingsSchema>;
