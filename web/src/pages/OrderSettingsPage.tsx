import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssignmentRule,
  api,
  type ClassificationRule,
  holdCodes,
  type OrderSettings,
  orderTypes,
  requestedServices,
  type Sla,
  type Team,
} from '../api';
import { useAuth } from '../auth';
import { errorText, fieldErrors, showFieldErrors } from '../errors';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const teamIdPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** 'HH:mm' strings in the form, a time picker on screen. */
const clockProps = {
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

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** A list of 'YYYY-MM-DD' dates: pick one to add it, close a tag to remove it. */
function DateList({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (dates: string[]) => void;
  testId?: string;
}) {
  const dates = [...(value ?? [])].sort();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <DatePicker
        value={null}
        onChange={(date: dayjs.Dayjs | null) => {
          const day = date?.format('YYYY-MM-DD');
          if (day && !dates.includes(day)) onChange?.([...dates, day].sort());
        }}
      />
      <Space size={[4, 4]} wrap>
        {dates.map((date) => (
          <Tag key={date} closable onClose={() => onChange?.(dates.filter((d) => d !== date))}>
            {date}
          </Tag>
        ))}
      </Space>
    </Space>
  );
}

const nonEmpty = <T,>(list: T[] | undefined | null) => (list && list.length > 0 ? list : undefined);
const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The form's values as the API takes them: no empty lists or half-filled deadlines. */
function cleanSettings(values: OrderSettings): OrderSettings {
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

function SlaRow({
  name,
  remove,
  channelOptions,
}: {
  name: number;
  remove: () => void;
  channelOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const isSameDay = Form.useWatch(['policy', 'slas', name, 'sameDayBeforeCutoff']);
  return (
    <Row gutter={8} align="top" data-testid="sla-row">
      <Col xs={12} md={5}>
        <Form.Item
          name={[name, 'channel']}
          rules={[{ required: true, message: t('settings.channelRequired') }]}
        >
          <Select showSearch options={channelOptions} placeholder={t('orders.channel')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[name, 'type']} rules={[{ required: true }]}>
          <Select
            options={[
              { value: '*', label: t('settings.anyType') },
              ...orderTypes.map((type) => ({ value: type, label: t(`orderType.${type}`) })),
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[name, 'shipWithinWorkingHours']}>
          <InputNumber
            min={1}
            max={10000}
            disabled={Boolean(isSameDay)}
            addonAfter={t('settings.workingHoursUnit')}
            placeholder={t('settings.noDeadline')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={10} md={6}>
        <Form.Item name={[name, 'sameDayBeforeCutoff']} valuePropName="checked">
          <Checkbox>{t('settings.sameDay')}</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={2}>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={remove}
          aria-label={t('common.remove')}
        />
      </Col>
    </Row>
  );
}

function TeamModal({
  team,
  onClose,
  onSaved,
}: {
  team: Team | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ id: string; name: string; members: string[] }>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const canListUsers = can('users:manage');
  const users = useLoader(
    () => (canListUsers ? api.users.list({ limit: 200 }) : Promise.resolve({ items: [], nextCursor: null })),
    [canListUsers],
  );
  const save = async (values: { id: string; name: string; members: string[] }) => {
    setIsSaving(true);
    setError(null);
    try {
      await api.teams.save(team?.id ?? values.id.trim(), {
        name: values.name.trim(),
        members: values.members ?? [],
      });
      message.success(t('settings.teamSaved', { name: values.name }));
      onSaved();
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={team ? t('settings.editTeam', { name: team.name }) : t('settings.newTeam')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={team ?? { id: '', name: '', members: [] }}
        data-testid="team-form"
      >
        <Form.Item
          name="id"
          label={t('settings.teamId')}
          extra={team ? undefined : t('settings.teamIdHint')}
          rules={[
            { required: true, message: t('common.required', { field: t('settings.teamId') }) },
            { pattern: teamIdPattern, message: t('settings.teamIdHint') },
          ]}
        >
          <Input disabled={Boolean(team)} data-testid="team-id" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('settings.teamName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('settings.teamName') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="team-name" />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('settings.members')}
          extra={canListUsers ? undefined : t('settings.membersFreeText')}
        >
          <Select
            mode={canListUsers ? 'multiple' : 'tags'}
            loading={users.isLoading}
            options={(users.data?.items ?? []).map((user) => ({
              value: user.username,
              label:
                user.displayName && user.displayName !== user.username
                  ? `${user.displayName} (${user.username})`
                  : user.username,
            }))}
            data-testid="team-members"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TeamsCard() {
  const { t } = useTranslation();
  const teams = useLoader(() => api.teams.list(), []);
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  return (
    <Card
      title={t('settings.teams')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="team-create">
          {t('settings.newTeam')}
        </Button>
      }
      data-testid="teams-card"
    >
      {teams.error ? <Alert type="error" showIcon title={errorText(t, teams.error)} /> : null}
      <Table<Team>
        rowKey="id"
        size="small"
        pagination={false}
        loading={teams.isLoading}
        dataSource={teams.data?.items ?? []}
        locale={{ emptyText: t('settings.noTeams') }}
        columns={[
          {
            title: t('settings.teamId'),
            dataIndex: 'id',
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          { title: t('settings.teamName'), dataIndex: 'name' },
          {
            title: t('settings.members'),
            dataIndex: 'members',
            render: (members: string[]) =>
              members.length ? members.map((m) => <Tag key={m}>{m}</Tag>) : '—',
          },
          {
            title: t('common.actions'),
            key: 'edit',
            render: (_, team) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(team)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined ? (
        <TeamModal
          team={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            teams.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

function SettingsForm({
  initial,
  onSaved,
}: {
  initial: OrderSettings;
  onSaved: (settings: OrderSettings) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderSettings>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const channels = useLoader(() => api.channels.list(), []);
  const teams = useLoader(() => api.teams.list(), []);
  const channelOptions = useMemo(
    () => [
      { value: '*', label: t('settings.anyChannel') },
      ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name || c.id })),
    ],
    [channels.data, t],
  );
  const channelChoices = channelOptions.filter((option) => option.value !== '*');
  const teamOptions = (teams.data?.items ?? []).map((team) => ({
    value: team.id,
    label: `${team.name} (${team.id})`,
  }));
  const zones = useMemo(
    () => timeZones(initial.policy.calendar.timeZone),
    [initial.policy.calendar.timeZone],
  );

  const save = async () => {
    setIsSaving(true);
    setError(null);
    try {
      // The whole store, not only the fields on screen: settings the form does not show survive.
      const saved = await api.settings.updateOrders(
        cleanSettings(form.getFieldsValue(true) as OrderSettings),
      );
      message.success(t('settings.saved'));
      form.setFieldsValue(saved);
      onSaved(saved);
    } catch (failure) {
      setError(failure);
      const fields = showFieldErrors(form, t, failure);
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Form<OrderSettings>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      data-testid="settings-form"
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(t, error)}
            description={fieldErrors(t, error)
              .map((field) => `${field.name.join('.')}: ${field.message}`)
              .join('\n')}
            data-testid="settings-error"
          />
        ) : null}
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
            <Col xs={8} md={4}>
              <Form.Item
                name={['policy', 'calendar', 'workingHours', 'start']}
                label={t('settings.opens')}
                {...clockProps}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item
                name={['policy', 'calendar', 'workingHours', 'end']}
                label={t('settings.closes')}
                {...clockProps}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item
                name={['policy', 'calendar', 'cutoffTime']}
                label={t('settings.cutoff')}
                tooltip={t('settings.cutoffHelp')}
                {...clockProps}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
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

        <Card title={t('settings.slas')} data-testid="slas-card">
          <Typography.Paragraph type="secondary">{t('settings.slasHint')}</Typography.Paragraph>
          <Form.List name={['policy', 'slas']}>
            {(fields, { add, remove }) => (
              <>
                <Row gutter={8} style={{ fontWeight: 500, marginBottom: 8 }}>
                  <Col xs={12} md={5}>
                    {t('orders.channel')}
                  </Col>
                  <Col xs={12} md={5}>
                    {t('orders.type')}
                  </Col>
                  <Col xs={12} md={6}>
                    {t('settings.shipWithin')}
                  </Col>
                  <Col xs={12} md={6}>
                    {t('settings.orSameDay')}
                  </Col>
                </Row>
                {fields.map((field) => (
                  <SlaRow
                    key={field.key}
                    name={field.name}
                    remove={() => remove(field.name)}
                    channelOptions={channelOptions}
                  />
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ channel: '*', type: 'normal', shipWithinWorkingHours: 48 })}
                >
                  {t('settings.addSla')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('settings.classification')} data-testid="classification-rules-card">
          <Typography.Paragraph type="secondary">{t('settings.classificationHint')}</Typography.Paragraph>
          <Form.List name={['policy', 'classification']}>
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                    <Row gutter={8} align="top">
                      <Col xs={24} md={4}>
                        <Form.Item
                          name={[field.name, 'type']}
                          label={t('settings.thenType')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={orderTypes.map((type) => ({
                              value: type,
                              label: t(`orderType.${type}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={5}>
                        <Form.Item
                          name={[field.name, 'when', 'requestedService']}
                          label={t('settings.whenService')}
                        >
                          <Select
                            mode="multiple"
                            allowClear
                            options={requestedServices.map((s) => ({ value: s, label: t(`service.${s}`) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={4}>
                        <Form.Item name={[field.name, 'when', 'skuFlag']} label={t('settings.whenSkuFlag')}>
                          <Select
                            allowClear
                            options={['madeToOrder', 'presale'].map((flag) => ({
                              value: flag,
                              label: t(`settings.skuFlag.${flag}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={4}>
                        <Form.Item
                          name={[field.name, 'when', 'customerGroup']}
                          label={t('settings.whenCustomerGroup')}
                        >
                          <Select mode="tags" open={false} tokenSeparators={[',']} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={4}>
                        <Form.Item name={[field.name, 'when', 'channel']} label={t('settings.whenChannel')}>
                          <Select mode="tags" options={channelChoices} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={3}>
                        <Space>
                          <Button
                            size="small"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            onClick={() => move(index, index - 1)}
                            aria-label={t('rules.moveUp')}
                          />
                          <Button
                            size="small"
                            icon={<ArrowDownOutlined />}
                            disabled={index === fields.length - 1}
                            onClick={() => move(index, index + 1)}
                            aria-label={t('rules.moveDown')}
                          />
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('common.remove')}
                          />
                        </Space>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[field.name, 'when', 'minQuantity']}
                          label={t('settings.whenMinQuantity')}
                        >
                          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Form.Item
                          name={[field.name, 'when', 'minTotalMinor']}
                          label={t('settings.whenMinTotal')}
                          tooltip={t('settings.minorUnitsHelp')}
                        >
                          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ type: 'urgent', when: {} })}
                >
                  {t('settings.addClassification')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card title={t('settings.autohold')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('settings.autoholdHint')}</Typography.Paragraph>
              <Space align="start" wrap>
                <Form.Item
                  name={['autohold', 'isEnabled']}
                  valuePropName="checked"
                  label={t('settings.autoholdOn')}
                >
                  <Switch data-testid="settings-autohold" />
                </Form.Item>
                <Form.Item name={['autohold', 'minutes']} label={t('settings.autoholdMinutes')}>
                  <InputNumber min={1} max={1440} precision={0} addonAfter={t('settings.minutesUnit')} />
                </Form.Item>
              </Space>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('settings.merge')} style={{ height: '100%' }}>
              <Form.Item name={['merge', 'mode']}>
                <Radio.Group data-testid="settings-merge-mode">
                  <Space orientation="vertical">
                    <Radio value="offer">{t('settings.mergeOffer')}</Radio>
                    <Radio value="auto">{t('settings.mergeAuto')}</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name={['merge', 'windowHours']}
                label={t('settings.mergeWindow')}
                tooltip={t('settings.mergeWindowHelp')}
              >
                <InputNumber min={1} max={336} precision={0} addonAfter={t('settings.hoursUnit')} />
              </Form.Item>
            </Card>
          </Col>
        </Row>

        <Card title={t('settings.assignment')} data-testid="assignment-card">
          <Typography.Paragraph type="secondary">{t('settings.assignmentHint')}</Typography.Paragraph>
          <Form.List name="assignment">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={8} align="top" data-testid="assignment-row">
                    <Col xs={24} md={5}>
                      <Form.Item
                        name={[field.name, 'team']}
                        label={index === 0 ? t('settings.team') : undefined}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('common.required', { field: t('settings.team') }),
                          },
                        ]}
                      >
                        <AutoComplete options={teamOptions} placeholder={t('settings.team')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item
                        name={[field.name, 'types']}
                        label={index === 0 ? t('settings.types') : undefined}
                      >
                        <Select
                          mode="multiple"
                          allowClear
                          placeholder={t('settings.anyType')}
                          options={orderTypes.map((type) => ({ value: type, label: t(`orderType.${type}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'holdCodes']}
                        label={index === 0 ? t('settings.holdCodes') : undefined}
                      >
                        <Select
                          mode="multiple"
                          allowClear
                          placeholder={t('settings.anyHold')}
                          options={holdCodes.map((code) => ({ value: code, label: t(`holds.code.${code}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item
                        name={[field.name, 'channels']}
                        label={index === 0 ? t('settings.channels') : undefined}
                      >
                        <Select
                          mode="multiple"
                          allowClear
                          placeholder={t('settings.anyChannel')}
                          options={channelChoices}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={3}>
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Space>
                          <Button
                            size="small"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            onClick={() => move(index, index - 1)}
                            aria-label={t('rules.moveUp')}
                          />
                          <Button
                            size="small"
                            icon={<ArrowDownOutlined />}
                            disabled={index === fields.length - 1}
                            onClick={() => move(index, index + 1)}
                            aria-label={t('rules.moveDown')}
                          />
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('common.remove')}
                          />
                        </Space>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ team: '' })}>
                  {t('settings.addAssignment')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={isSaving}
          data-testid="settings-save"
        >
          {t('settings.save')}
        </Button>
      </Space>
    </Form>
  );
}

export default function OrderSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const settings = useLoader(() => api.settings.orders(), []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="settings-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {settings.error ? <Alert type="error" showIcon title={errorText(t, settings.error)} /> : null}
      {settings.data ? (
        <SettingsForm initial={settings.data} onSaved={settings.setData} />
      ) : settings.error ? null : (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      )}
      <TeamsCard />
    </Space>
  );
}
