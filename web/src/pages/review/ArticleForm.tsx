import type { ButtonProps } from 'antd';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Article, reviewApi } from '../../api/review';
import { type ModalFormProps, useSubmit } from './formKit';

const articleKinds = ['howto', 'playbook', 'lesson'] as const;

interface ArticleValues {
  kind: (typeof articleKinds)[number];
  title: { en: string; zh: string };
  body: { en: string; zh: string };
}

/** A knowledge-base article, written in both languages; `article` given, it is changed. */
export function ArticleFormModal({
  open,
  onClose,
  onSaved,
  article,
}: ModalFormProps & { article?: Article | null }) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<ArticleValues>((v) => {
    const input = {
      kind: v.kind,
      title: v.title,
      body: v.body,
      source: article?.source?.ref ? { type: article.source.type, ref: article.source.ref } : null,
    };
    return article ? reviewApi.knowledge.update(article.id, input) : reviewApi.knowledge.create(input);
  }, onSaved);
  return (
    <Modal
      open={open}
      title={article ? t('review.forms.editArticle') : t('review.forms.newArticle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'article-save' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          article
            ? { kind: article.kind as ArticleValues['kind'], title: article.title, body: article.body }
            : { kind: 'howto' }
        }
      >
        {error && <div className="ant-form-item-explain-error">{error}</div>}
        <Form.Item name="kind" label={t('review.forms.kind')}>
          <Select
            style={{ width: 160 }}
            options={articleKinds.map((k) => ({ value: k, label: t(`review.knowledge.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name={['title', 'en']} label={t('review.forms.titleEn')}>
          <Input data-testid="article-title-en" />
        </Form.Item>
        <Form.Item name={['title', 'zh']} label={t('review.forms.titleZh')}>
          <Input data-testid="article-title-zh" />
        </Form.Item>
        <Form.Item name={['body', 'en']} label={t('review.forms.bodyEn')}>
          <Input.TextArea rows={5} data-testid="article-body-en" />
        </Form.Item>
        <Form.Item name={['body', 'zh']} label={t('review.forms.bodyZh')}>
          <Input.TextArea rows={5} data-testid="article-body-zh" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
