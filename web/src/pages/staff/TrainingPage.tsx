import { Button, Card, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Course, type Session, trainingApi } from '../../api/training';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { RoleSelect } from '../../components/RoleSelect';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { MyTrainingCard } from './MyTrainingCard';
import { NewCourseModal } from './NewCourseModal';

/** Takes one course's quiz; the server grades it against the pass mark. */
function QuizModal({ course, onClose }: { course: Course; onClose: (isTaken: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answers: number[] }>();
  const [result, setResult] = useState<{ score: number; isPassed: boolean } | null>(null);
  return (
    <FormModal<{ answers: number[] }>
      title={`${t('training.quiz')}: ${course.title}`}
      okText={t('training.submitQuiz')}
      form={form}
      testId="quiz-modal"
      onClose={() => onClose(result !== null)}
      submit={async (values) => {
        const answers = course.quiz.map((_, i) => values.answers?.[i] ?? -1);
        setResult(await trainingApi.takeQuiz(course.id, answers));
      }}
    >
      {course.quiz.map((q, i) => (
        <Form.Item key={q.question} name={['answers', i]} label={q.question} rules={[{ required: true }]}>
          <Radio.Group options={q.options.map((label, value) => ({ label, value }))} />
        </Form.Item>
      ))}
      {result && (
        <Tag color={result.isPassed ? 'green' : 'red'} data-testid="quiz-result">
          {t(result.isPassed ? 'training.passed' : 'training.failed', { score: result.score })}
        </Tag>
      )}
    </FormModal>
  );
}

function ManageTraining({ courses, onChange }: { courses: Course[]; onChange: () => void }) {
  const { t } = useTranslation();
  const sessions = useLoader(() => trainingApi.sessions(), []);
  const requirements = useLoader(() => trainingApi.requirements(), []);
  const [modal, setModal] = useState<'course' | 'requirement' | 'session' | Session | null>(null);
  const [form] = Form.useForm();
  const courseOptions = courses.map((c) => ({ value: c.id, label: c.title }));
  const close = () => {
    setModal(null);
    sessions.reload();
    requirements.reload();
    onChange();
  };
  return (
    <>
      <Card
        title={t('training.requirements')}
        extra={
          <Space>
            <Button onClick={() => setModal('course')} data-testid="new-course">
              {t('training.newCourse')}
            </Button>
            <Button onClick={() => setModal('requirement')}>{t('training.require')}</Button>
            <Button onClick={() => setModal('session')}>{t('training.newSession')}</Button>
          </Space>
        }
      >
        <DataTable
          rowKey={(r) => `${r.role}:${r.courseId}`}
          size="small"
          pagination={false}
          loading={requirements.isLoading}
          dataSource={requirements.data?.items ?? []}
          empty={t('training.requirementsEmpty')}
          emptyTestId="requirements-empty"
          columns={[
            { title: t('training.role'), dataIndex: 'role', render: (role: string) => t(`roles.${role}`) },
            { title: t('training.course'), dataIndex: 'courseTitle' },
            {
              title: t('training.renewalDays'),
              dataIndex: 'renewalDays',
              render: (days: number | null) => days ?? t('training.never'),
            },
          ]}
        />
      </Card>
      <Card title={t('training.sessions')}>
        <DataTable<Session>
          rowKey="id"
          size="small"
          pagination={false}
          loading={sessions.isLoading}
          dataSource={sessions.data?.items ?? []}
          empty={t('training.sessionsEmpty')}
          emptyTestId="sessions-empty"
          columns={[
            { title: t('training.course'), dataIndex: 'courseTitle' },
            {
              title: t('training.startsAt'),
              dataIndex: 'startsAt',
              render: (at: string) => formatDateTime(at),
            },
            { title: t('training.trainer'), dataIndex: 'trainer' },
            { title: t('training.location'), dataIndex: 'location' },
            { title: t('training.attendees'), dataIndex: 'attendees', render: (a: string[]) => a.join(', ') },
            {
              title: '',
              key: 'attend',
              render: (_, s) => <Button onClick={() => setModal(s)}>{t('training.recordAttendance')}</Button>,
            },
          ]}
        />
      </Card>
      {modal === 'course' && <NewCourseModal onClose={close} />}
      {modal === 'requirement' && (
        <FormModal
          title={t('training.require')}
          okText={t('common.save')}
          form={form}
          testId="requirement-modal"
          onClose={() => setModal(null)}
          submit={async (v) => {
            await trainingApi.setRequirement({ ...v, renewalDays: v.renewalDays ?? null });
            close();
          }}
        >
          <Form.Item name="role" label={t('training.role')} rules={[{ required: true }]}>
            <RoleSelect />
          </Form.Item>
          <Form.Item name="courseId" label={t('training.course')} rules={[{ required: true }]}>
            <Select options={courseOptions} />
          </Form.Item>
          <Form.Item name="renewalDays" label={t('training.renewalDays')}>
            <InputNumber min={1} max={3650} />
          </Form.Item>
        </FormModal>
      )}
      {modal === 'session' && (
        <FormModal
          title={t('training.newSession')}
          okText={t('common.save')}
          form={form}
          testId="session-modal"
          onClose={() => setModal(null)}
          submit={async (v) => {
            await trainingApi.scheduleSession({ ...v, startsAt: new Date(v.startsAt).toISOString() });
            close();
          }}
        >
          <Form.Item name="courseId" label={t('training.course')} rules={[{ required: true }]}>
            <Select options={courseOptions} />
          </Form.Item>
          <Form.Item name="startsAt" label={t('training.startsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="trainer" label={t('training.trainer')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="location" label={t('training.location')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </FormModal>
      )}
      {modal && typeof modal === 'object' && (
        <FormModal<{ usernames: string }>
          title={`${t('training.recordAttendance')}: ${modal.courseTitle}`}
          okText={t('common.save')}
          form={form}
          testId="attendance-modal"
          onClose={() => setModal(null)}
          submit={async (v) => {
            const names = v.usernames.split(/[\s,]+/).filter(Boolean);
            await trainingApi.recordAttendance(modal.id, names);
            close();
          }}
        >
          <Form.Item name="usernames" label={t('training.usernames')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Training: my required courses, every course with its quiz, and for managers requirements and sessions. */
export default function TrainingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('training.nav'));
  const courses = useLoader(() => trainingApi.courses(), []);
  const [quiz, setQuiz] = useState<Course | null>(null);
  const [taken, setTaken] = useState(0);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <MyTrainingCard reloadKey={taken} />
      <Card title={t('training.courses')}>
        <DataTable<Course>
          rowKey="id"
          size="small"
          loading={courses.isLoading}
          pagination={false}
          dataSource={courses.data?.items ?? []}
          empty={t(can('staff:manage') ? 'training.coursesEmptyManage' : 'training.coursesEmpty')}
          emptyTestId="courses-empty"
          data-testid="courses"
          columns={[
            { title: t('training.course'), dataIndex: 'title' },
            {
              title: t('training.topic'),
              dataIndex: 'topic',
              render: (topic: string) => t(`training.topics.${topic}`),
            },
            { title: t('training.passMark'), dataIndex: 'passMark', render: (mark: number) => `${mark}%` },
            {
              title: t('training.links'),
              dataIndex: 'links',
              render: (links: Course['links']) =>
                links.map((l) => `${t(`training.linkKinds.${l.kind}`)} ${l.id}`).join(', '),
            },
            {
              title: '',
              key: 'quiz',
              render: (_, c) => (
                <Button onClick={() => setQuiz(c)} data-testid={`take-quiz-${c.title}`}>
                  {t('training.takeQuiz')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {can('staff:manage') && (
        <ManageTraining courses={courses.data?.items ?? []} onChange={() => courses.reload()} />
      )}
      {quiz && (
        <QuizModal
          course={quiz}
          onClose={(isTaken) => {
            setQuiz(null);
            if (isTaken) setTaken((n) => n + 1);
          }}
        />
      )}
    </Space>
  );
}
