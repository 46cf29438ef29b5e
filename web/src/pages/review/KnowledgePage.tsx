import type { ButtonProps } from 'antd';
import { App, Button, Card, Empty, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Article, reviewApi } from '../../api/review';
import { errorText } from '../../errors';
import { usePageTitle } from '../../hooks/usePageTitle';
import { currentLanguage } from '../../i18n';
import { ArticleFormModal } from './ArticleForm';

/** The knowledge base: how-tos, playbooks and lessons, searched in either language. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Article[]>([]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Article | null>(null);
  const { message } = App.useApp();
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
        open={creating || editing !== null}
        article={editing}
        key={editing?.id ?? 'new'}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={() => {
          setCreating(false);
          setEditing(null);
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
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(q ? 'review.knowledge.noMatches' : 'review.knowledge.empty')}
              data-testid="knowledge-empty"
            />
          ),
        }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="edit" size="small" onClick={() => setEditing(a)} data-testid="article-edit">
                {t('common.edit')}
              </Button>,
              <Popconfirm
                key="archive"
                title={t('review.knowledge.archiveConfirm')}
                okText={t('review.knowledge.archive')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'article-archive-ok' } as ButtonProps}
                onConfirm={() =>
                  reviewApi.knowledge
                    .archive(a.id)
                    .then(load)
                    .catch((error: unknown) => message.error(errorText(t, error)))
                }
              >
                <Button size="small" danger data-testid="article-archive">
                  {t('review.knowledge.archive')}
                </Button>
              </Popconfirm>,
            ]}
          >
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
