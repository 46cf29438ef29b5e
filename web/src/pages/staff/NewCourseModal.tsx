import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NewCourse, trainingApi } from '../../api/training';
import { FormModal } from '../../components/FormModal';

const topics = ['order_flow', 'service_skills', 'logistics', 'playbook', 'knowledge_base'] as const;

type Values = {
  title: string;
  topic: NewCourse['topic'];
  description?: string;
  passMark: number;
  quiz: string;
  links?: string;
};

/** `Question | *right option | other option` per line: the starred option is the right one. */
function parseQuiz(text: string): NewCourse['quiz'] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts) => parts[0])
    .map(([question, ...options]) => ({
      question: question!,
      options: options.map((o) => o.replace(/^\*/, '').trim()),
      answer: Math.max(
        0,
        options.findIndex((o) => o.startsWith('*')),
      ),
    }));
}

/** `playbook:<case type>` or `article:<id>` per line. */
function parseLinks(text: string | undefined): NonNullable<NewCourse['links']> {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [kind, ...rest] = line.split(':');
      return { kind: kind === 'playbook' ? 'playbook' : 'article', id: rest.join(':').trim() };
    });
}

export function NewCourseModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={t('training.newCourse')}
      okText={t('common.save')}
      form={form}
      testId="course-modal"
      width={640}
      initialValues={{ topic: 'order_flow', passMark: 80 }}
      onClose={onClose}
      submit={async (v) => {
        await trainingApi.createCourse({
          title: v.title,
          topic: v.topic,
          description: v.description ?? '',
          passMark: v.passMark,
          quiz: parseQuiz(v.quiz),
          links: parseLinks(v.links),
        });
        onClose();
      }}
    >
      <Form.Item name="title" label={t('training.course')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="topic" label={t('training.topic')} rules={[{ required: true }]}>
        <Select options={topics.map((value) => ({ value, label: t(`training.topics.${value}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('training.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="passMark" label={t('training.passMark')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} addonAfter="%" />
      </Form.Item>
      <Form.Item
        name="quiz"
        label={t('training.quiz')}
        extra={t('training.quizHelp')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="links" label={t('training.links')} extra={t('training.linksHelp')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
