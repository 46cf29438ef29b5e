import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';

/** Whether a load failed because the record does not exist (a mistyped, old or foreign id). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/**
 * What a detail page shows for an id that does not exist: that it does not, and the way back to
 * its list (`backTo`), or, inside a drawer over the list, the button that closes it (`onBack`).
 */
export function NotFoundResult({
  title,
  backLabel,
  backTo,
  onBack,
}: { title: string; backLabel: string } & (
  | { backTo: string; onBack?: never }
  | { onBack: () => void; backTo?: never }
)) {
  const back = backTo ? (
    <Link to={backTo} data-testid="not-found-back">
      <Button>{backLabel}</Button>
    </Link>
  ) : (
    <Button onClick={onBack} data-testid="not-found-back">
      {backLabel}
    </Button>
  );
  return (
    <div data-testid="not-found">
      <Result status="404" title={title} extra={back} />
    </div>
  );
}
