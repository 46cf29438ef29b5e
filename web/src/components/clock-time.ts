import dayjs from 'dayjs';

/** Form.Item props for a local clock time: 'HH:mm' strings in the form, a time picker on screen. */
export const clockTimeProps = {
  getValueProps: (value?: string) => ({
    value:
      value && /^\d{2}:\d{2}$/.test(value)
        ? dayjs()
            .hour(Number(value.slice(0, 2)))
            .minute(Number(value.slice(3)))
        : null,
  }),
  normalize: (value: dayjs.Dayjs | null) => (value ? value.format('HH:mm') : ''),
};

/** IANA time zones for a picker, with the current value first when the browser lacks it. */
export function timeZoneList(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
