import type { ButtonProps } from 'antd';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MeetingSeries, reviewApi } from '../../api/review';
import { departments, emptyToNull, type ModalFormProps, useSubmit } from './formKit';

interface SeriesValues {
  name: string;
  kind: 'weekly' | 'sharing';
  chair?: string;
  participants: { name: string; email?: string; department: string; role?: string }[];
  weekday: number;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  onlineLink?: string;
}

/** A meeting series: who meets, when, where online; `series` given, its settings are changed. */
export function SeriesFormModal({
  open,
  onClose,
  onSaved,
  series,
}: ModalFormProps & { series?: MeetingSeries | null }) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<SeriesValues>((v) => {
    const input = {
      name: v.name,
      kind: v.kind,
      chair: v.chair ?? '',
      participants: (v.participants ?? []).map((p) => ({
        name: p.name,
        email: emptyToNull(p.email),
        department: p.department as (typeof departments)[number],
        role: emptyToNull(p.role),
      })),
      weekday: v.weekday,
      startTime: v.startTime,
      durationMinutes: v.durationMinutes,
      timeZone: v.timeZone,
      onlineLink: emptyToNull(v.onlineLink),
    };
    return series ? reviewApi.series.update(series.id, input) : reviewApi.series.create(input);
  }, onSaved);
  const initialValues = series
    ? {
        ...series,
        onlineLink: series.onlineLink ?? undefined,
        participants: series.participants.map((p) => ({
          name: p.name,
          email: p.email ?? undefined,
          department: p.department,
          role: p.role ?? undefined,
        })),
      }
    : {
        kind: 'weekly',
        weekday: 1,
        startTime: '10:00',
        durationMinutes: 60,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        participants: [{ department: 'operations' }],
      };
  return (
    <Modal
      open={open}
      title={series ? t('review.forms.editSeries') : t('review.forms.newSeries')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'series-save' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {error && <div className="ant-form-item-explain-error">{error}</div>}
        <Form.Item name="name" label={t('review.forms.name')}>
          <Input data-testid="series-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('review.forms.kind')}>
            <Select
              style={{ width: 140 }}
              disabled={!!series}
              options={['weekly', 'sharing'].map((k) => ({ value: k, label: t(`review.forms.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="chair" label={t('review.forms.chair')}>
            <Input data-testid="series-chair" />
          </Form.Item>
          <Form.Item name="weekday" label={t('review.forms.weekday')}>
            <Select
              style={{ width: 140 }}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`review.weekday.${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="startTime" label={t('review.forms.startTime')}>
            <Input style={{ width: 90 }} placeholder="HH:MM" data-testid="series-start" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('review.forms.duration')}>
            <InputNumber min={15} max={240} />
          </Form.Item>
          <Form.Item name="timeZone" label={t('review.forms.timeZone')}>
            <Input style={{ width: 180 }} data-testid="series-zone" />
          </Form.Item>
        </Space>
        <Form.Item name="onlineLink" label={t('review.forms.onlineLink')}>
          <Input placeholder="https://" data-testid="series-link" />
        </Form.Item>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t('review.forms.participants')}</div>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'name']}>
                    <Input
                      placeholder={t('review.forms.participantName')}
                      data-testid={`participant-name-${field.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'email']}>
                    <Input placeholder={t('review.forms.email')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'department']}>
                    <Select
                      style={{ width: 160 }}
                      options={departments.map((d) => ({ value: d, label: t(`review.department.${d}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']}>
                    <Input placeholder={t('review.forms.role')} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('common.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ department: 'operations' })} data-testid="participant-add">
                {t('review.forms.addParticipant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
