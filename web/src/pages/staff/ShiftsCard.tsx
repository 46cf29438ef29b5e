import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { performanceApi, type Shift } from '../../api/performance';
import { DataTable } from '../../components/DataTable';
import { useLoader } from '../../hooks/useLoader';

interface ShiftForm {
  person: string;
  date: Dayjs;
  hours: [Dayjs, Dayjs];
  breakMinutes?: number;
}

/** The shift record of a day (the shop's today): managers record who worked when. */
export function ShiftsCard({ today }: { today: { date: string; from: string; to: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShiftForm>();
  const shifts = useLoader(() => performanceApi.shifts(today.from, today.to), [today.from, today.to]);

  async function record(values: ShiftForm) {
    try {
      await performanceApi.recordShift({
        person: values.person,
        date: values.date.format('YYYY-MM-DD'),
        start: values.hours[0].format('HH:mm'),
        end: values.hours[1].format('HH:mm'),
        breakMinutes: values.breakMinutes ?? 0,
      });
      message.success(t('staffJobs.shiftRecorded'));
      form.resetFields(['person']);
      shifts.reload();
    } catch (failure) {
      message.error(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  async function remove(id: string) {
    await performanceApi.deleteShift(id);
    shifts.reload();
  }

  return (
    <Card title={t('staffJobs.shifts')} data-testid="shifts">
      <Form<ShiftForm>
        form={form}
        layout="inline"
        initialValues={{ date: dayjs(today.date), breakMinutes: 0 }}
        onFinish={record}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="person" label={t('staffJobs.person')} rules={[{ required: true }]}>
          <Input data-testid="shift-person" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="date" label={t('staffJobs.shiftDate')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="hours" label={t('staffJobs.shiftHours')} rules={[{ required: true }]}>
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} data-testid="shift-hours" />
        </Form.Item>
        <Form.Item name="breakMinutes" label={t('staffJobs.breakMinutes')}>
          <InputNumber min={0} max={600} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="record-shift">
          {t('staffJobs.recordShift')}
        </Button>
      </Form>
      <DataTable<Shift>
        rowKey="id"
        size="small"
        loading={shifts.isLoading}
        empty={t('staffJobs.shiftsEmpty')}
        emptyTestId="shifts-empty"
        dataSource={shifts.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('staffJobs.person'), dataIndex: 'person' },
          { title: t('staffJobs.shiftDate'), dataIndex: 'date' },
          { title: t('staffJobs.shiftHours'), render: (_, s) => `${s.start}–${s.end}` },
          { title: t('staffJobs.breakMinutes'), dataIndex: 'breakMinutes' },
          { title: t('staffJobs.figures.hoursWorked'), dataIndex: 'hours' },
          {
            title: '',
            render: (_, s) => (
              <Popconfirm title={t('staffJobs.deleteShift')} onConfirm={() => remove(s.id)}>
                <Button size="small" danger>
                  {t('staffJobs.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
