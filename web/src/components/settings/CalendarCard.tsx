import { Card, Checkbox, Col, Form, InputNumber, Row, Select, TimePicker } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTimeProps, timeZoneList } from '../clock-time';
import { DateList } from './DateList';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A local clock time (HH:mm) of the business calendar. */
function ClockField({ name, label, tooltip }: { name: string[]; label: string; tooltip?: string }) {
  return (
    <Col xs={8} md={4}>
      <Form.Item name={name} label={label} tooltip={tooltip} {...clockTimeProps}>
        <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}

/** Business hours, cut-off and holidays: the calendar that working-hour deadlines count on. */
export function CalendarCard({ initialTimeZone }: { initialTimeZone: string }) {
  const { t } = useTranslation();
  // The saved zone stays choosable even where this browser does not list it.
  const zones = useMemo(() => timeZoneList(initialTimeZone), [initialTimeZone]);
  return (
    <Card title={t('settings.calendar')} data-testid="calendar-card">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['policy', 'calendar', 'timeZone']}
            label={t('settings.timeZone')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              options={zones.map((zone) => ({ value: zone, label: zone }))}
              data-testid="settings-time-zone"
            />
          </Form.Item>
        </Col>
        <ClockField name={['policy', 'calendar', 'workingHours', 'start']} label={t('settings.opens')} />
        <ClockField name={['policy', 'calendar', 'workingHours', 'end']} label={t('settings.closes')} />
        <ClockField
          name={['policy', 'calendar', 'cutoffTime']}
          label={t('settings.cutoff')}
          tooltip={t('settings.cutoffHelp')}
        />
        <Col xs={24} md={4}>
          <Form.Item
            name={['policy', 'atRiskWorkingHours']}
            label={t('settings.atRisk')}
            tooltip={t('settings.atRiskHelp')}
          >
            <InputNumber
              min={0.5}
              step={0.5}
              addonAfter={t('settings.hoursUnit')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={['policy', 'calendar', 'workingDays']} label={t('settings.workingDays')}>
            <Checkbox.Group
              options={weekdays.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
              data-testid="settings-working-days"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['policy', 'calendar', 'holidays']} label={t('settings.holidays')}>
            <DateList testId="settings-holidays" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['policy', 'calendar', 'extraWorkingDays']}
            label={t('settings.extraWorkingDays')}
            tooltip={t('settings.extraWorkingDaysHelp')}
          >
            <DateList />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
