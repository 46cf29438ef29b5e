import { Button, Card, Input, List, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Article, reviewApi } from '../../api/review';
import { usePageTitle } from '../../hooks/usePageTitle';
import { currentLanguage } from '../../i18n';
import { ArticleFormModal } from './ReviewForms';

/** The knowledge base: how-tos, playbooks and lessons, searched in either language. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Article[]>([]);
  const [creating, setCreating] = useState(false);
  usePageTitle(t('review.knowledge.title'));
  const load = useCallback(() => {
    void reviewApi.knowledge.search({ limit: 50, q }).then((page) => setItems(page.items));
  }, [q]);
  useEffect(load, [load]);
  const lang = currentLanguage() === 'zh-CN' ? 'zh' : 'en';
  return (
    <Card
      title={t('review.knowledge.title')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="article-new">
          {t('review.forms.newArticle')}
        </Button>
      }
    >
      <ArticleFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          load();
        }}
      />
      <Input.Search
        placeholder={t('review.knowledge.search')}
        onSearch={setQ}
        allowClear
        style={{ maxWidth: 400, marginBottom: 16 }}
      />
      <List
        data-testid="knowledge-list"
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag>{t(`review.knowledge.kind.${a.kind}`)}</Tag>
                  {a.title[lang]}
                </>
              }
              description={
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.body[lang]}</Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
