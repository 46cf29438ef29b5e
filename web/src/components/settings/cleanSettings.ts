import type {
  AssignmentRule,
  ClassificationRule,
  OrderSettings,
  OrderSettingsInput,
  Sla,
} from '../../api/orders';

const nonEmpty = <T>(list: T[] | undefined | null) => (list && list.length > 0 ? list : undefined);
const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The form's values as the API takes them: no empty lists or half-filled deadlines. */
export function cleanSettings(values: OrderSettings): OrderSettingsInput {
  const { policy } = values;
  return {
    policy: {
      calendar: {
        ...policy.calendar,
        holidays: policy.calendar.holidays ?? [],
        extraWorkingDays: policy.calendar.extraWorkingDays ?? [],
      },
      slas: (policy.slas ?? []).map((sla): Sla => {
        const isSameDay = Boolean(sla.sameDayBeforeCutoff);
        return {
          channel: sla.channel,
          type: sla.type,
          ...(isSameDay ? { sameDayBeforeCutoff: true } : {}),
          ...(!isSameDay && typeof sla.shipWithinWorkingHours === 'number'
            ? { shipWithinWorkingHours: sla.shipWithinWorkingHours }
            : {}),
        };
      }),
      classification: (policy.classification ?? []).map(
        (rule): ClassificationRule => ({
          type: rule.type,
          when: Object.fromEntries(
            Object.entries({
              requestedService: nonEmpty(rule.when?.requestedService),
              skuFlag: rule.when?.skuFlag || undefined,
              customerGroup: nonEmpty(rule.when?.customerGroup),
              channel: nonEmpty(rule.when?.channel),
              minTotalMinor: numberOrUndefined(rule.when?.minTotalMinor),
              minQuantity: numberOrUndefined(rule.when?.minQuantity),
            }).filter(([, value]) => value !== undefined),
          ),
        }),
      ),
      atRiskWorkingHours: policy.atRiskWorkingHours,
    },
    autohold: values.autohold,
    merge: { ...values.merge, windowHours: numberOrUndefined(values.merge?.windowHours) },
    assignment: (values.assignment ?? []).map(
      (rule): AssignmentRule => ({
        team: (rule.team ?? '').trim(),
        types: nonEmpty(rule.types),
        holdCodes: nonEmpty(rule.holdCodes),
        channels: nonEmpty(rule.channels),
      }),
    ),
  };
}
